package io.cachepair.testsupport.problem;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * {@link ProblemJson}'s check as a MockMvc {@link ResultMatcher}, for {@code @WebMvcTest} slices:
 * {@code mvc.perform(get("/api/menu/x")).andExpect(problem(404, "dish-not-found", "…"))}.
 */
public final class ProblemMatchers {

  private ProblemMatchers() {}

  /**
   * Expects the problem with exactly this detail.
   *
   * @param status the HTTP status
   * @param type the type slug
   * @param detail the exact detail
   * @return the matcher
   */
  public static ResultMatcher problem(int status, String type, String detail) {
    return result -> {
      MockHttpServletResponse response = result.getResponse();
      ProblemJson.assertProblem(
          response.getStatus(),
          response.getContentType(),
          response.getContentAsString(),
          status,
          type,
          detail);
    };
  }

  /**
   * Expects the problem and leaves its detail to further matchers.
   *
   * @param status the HTTP status
   * @param type the type slug
   * @return the matcher
   */
  public static ResultMatcher problem(int status, String type) {
    return problem(status, type, null);
  }
}
