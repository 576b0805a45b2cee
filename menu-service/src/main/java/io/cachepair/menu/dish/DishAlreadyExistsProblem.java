package io.cachepair.menu.dish;

import io.cachepair.member.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A create names an id that an existing dish already has: 409. */
class DishAlreadyExistsProblem extends ApiProblem {

  DishAlreadyExistsProblem(String id, long version) {
    super(
        HttpStatus.CONFLICT,
        "dish-exists",
        "Dish already exists",
        "dish '"
            + id
            + "' already exists (version "
            + version
            + "); change it with PUT /api/dishes/"
            + id,
        Map.of("dishId", id, "currentVersion", version));
  }
}
