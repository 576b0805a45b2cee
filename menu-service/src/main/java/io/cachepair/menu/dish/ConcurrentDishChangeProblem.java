package io.cachepair.menu.dish;

import io.cachepair.member.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Another write changed the dish between this write's read and its update: 409, retry. */
class ConcurrentDishChangeProblem extends ApiProblem {

  ConcurrentDishChangeProblem(String id) {
    super(
        HttpStatus.CONFLICT,
        "concurrent-change",
        "Dish changed concurrently",
        "dish '" + id + "' was changed by another request meanwhile; read it again and retry",
        Map.of("dishId", id));
  }
}
