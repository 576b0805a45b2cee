package io.cachepair.order.ordering;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** An order naming a dish that exists but cannot be ordered now: 422 naming the dish. */
class DishUnavailableProblem extends OrderProblem {

  DishUnavailableProblem(String dishId, int index, String why) {
    super(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "dish-unavailable",
        "Dish unavailable",
        "items[" + index + "].dishId: dish '" + dishId + "' " + why,
        Map.of("dishId", dishId));
  }
}
