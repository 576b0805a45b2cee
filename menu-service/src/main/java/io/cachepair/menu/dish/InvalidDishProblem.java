package io.cachepair.menu.dish;

import io.cachepair.member.problem.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Invalid input found by the menu itself rather than by bean validation (derived ids, id in body vs
 * path, batch entries, If-Match syntax): 400 with the same type, detail and {@code fields} shape as
 * bean validation problems.
 */
class InvalidDishProblem extends ApiProblem {

  InvalidDishProblem(List<String> fields, List<String> errors) {
    super(
        HttpStatus.BAD_REQUEST,
        "validation",
        "Invalid request",
        String.join("; ", errors),
        Map.of("fields", List.copyOf(fields)));
  }

  static InvalidDishProblem of(String field, String message) {
    return new InvalidDishProblem(List.of(field), List.of(field + ": " + message));
  }
}
