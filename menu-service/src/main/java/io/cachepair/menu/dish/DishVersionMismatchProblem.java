package io.cachepair.menu.dish;

import io.cachepair.member.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A conditional write's {@code If-Match} does not name the dish's current version: 412. */
class DishVersionMismatchProblem extends ApiProblem {

  DishVersionMismatchProblem(String id, String ifMatch, long currentVersion) {
    super(
        HttpStatus.PRECONDITION_FAILED,
        "version-mismatch",
        "Dish version mismatch",
        "If-Match "
            + ifMatch
            + " does not match the current version of dish '"
            + id
            + "' (ETag \""
            + currentVersion
            + "\")",
        Map.of("dishId", id, "currentVersion", currentVersion));
  }
}
