package io.cachepair.order.ordering;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** An order naming a dish the local replica does not hold: 422 naming the dish. */
class UnknownDishProblem extends OrderProblem {

  private final String dishId;

  UnknownDishProblem(String dishId, int index) {
    super(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "unknown-dish",
        "Unknown dish",
        "items[" + index + "].dishId: dish '" + dishId + "' is not on the menu",
        Map.of("dishId", dishId));
    this.dishId = dishId;
  }

  /** The dish the replica does not hold. */
  String dishId() {
    return dishId;
  }
}
