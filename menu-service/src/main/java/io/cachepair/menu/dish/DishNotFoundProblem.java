package io.cachepair.menu.dish;

import io.cachepair.member.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A dish id names no dish (never created, or deleted): 404. */
class DishNotFoundProblem extends ApiProblem {

  DishNotFoundProblem(String id, boolean deleted) {
    super(
        HttpStatus.NOT_FOUND,
        "dish-not-found",
        "Dish not found",
        deleted ? "dish '" + id + "' was deleted" : "no dish with id '" + id + "'",
        Map.of("dishId", id));
  }
}
