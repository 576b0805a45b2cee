package io.cachepair.testsupport.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProblemJsonTest {

  private static final String PROBLEM_JSON = "application/problem+json";

  private static String notFound(String detail) {
    return """
        {"type":"https://cachepair.io/problems/dish-not-found","title":"Dish not found",\
        "status":404,"detail":"%s","dishId":"x"}"""
        .formatted(detail);
  }

  @Test
  void theExpectedProblem_passes_andIsReturnedForFurtherChecks() {
    var problem =
        ProblemJson.assertProblem(
            404, PROBLEM_JSON, notFound("no dish 'x'"), 404, "dish-not-found", "no dish 'x'");

    assertThat(problem.path("dishId").asText()).isEqualTo("x");
  }

  @Test
  void anotherStatusTypeOrDetail_fails() {
    String body = notFound("no dish 'x'");

    assertThatThrownBy(
            () -> ProblemJson.assertProblem(404, PROBLEM_JSON, body, 400, "dish-not-found", null))
        .hasMessageStartingWith("HTTP status 404, expected 400");
    assertThatThrownBy(
            () -> ProblemJson.assertProblem(404, PROBLEM_JSON, body, 404, "validation", null))
        .hasMessageContaining("expected https://cachepair.io/problems/validation");
    assertThatThrownBy(
            () -> ProblemJson.assertProblem(404, PROBLEM_JSON, body, 404, "dish-not-found", "no"))
        .hasMessageContaining("expected \"no\"");
  }

  @Test
  void plainJson_fails() {
    assertThatThrownBy(
            () ->
                ProblemJson.assertProblem(
                    404, "application/json", notFound("x"), 404, "dish-not-found", null))
        .hasMessageContaining("expected application/problem+json");
  }

  @Test
  void aBodyNamingAnException_fails() {
    String leaky = notFound("java.lang.IllegalStateException: boom");

    assertThatThrownBy(
            () -> ProblemJson.assertProblem(404, PROBLEM_JSON, leaky, 404, "dish-not-found", null))
        .hasMessageContaining("leaks 'Exception'");
  }
}
