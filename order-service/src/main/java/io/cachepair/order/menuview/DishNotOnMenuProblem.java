package io.cachepair.order.menuview;

import io.cachepair.member.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A dish id the local replica does not hold (never existed, or deleted): 404. */
class DishNotOnMenuProblem extends ApiProblem {

  DishNotOnMenuProblem(String dishId) {
    super(
        HttpStatus.NOT_FOUND,
        "dish-not-found",
        "Dish not found",
        "dish '" + dishId + "' is not on the menu",
        Map.of("dishId", dishId));
  }
}
