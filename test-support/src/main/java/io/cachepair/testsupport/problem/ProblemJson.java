package io.cachepair.testsupport.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Checks that an HTTP answer is a problem as every service renders it: the status, {@code
 * application/problem+json}, the stable {@code type}, the precise {@code detail}, and nothing of
 * the server's internals (class names, stack frames) in the body.
 */
public final class ProblemJson {

  /** The base every problem {@code type} URI starts with (the services' {@code ApiProblem}). */
  public static final String TYPE_BASE = "https://cachepair.io/problems/";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a body may never contain: Java exception names, stack frames, our package names. */
  private static final List<String> INTERNALS = List.of("Exception", "\tat ", "io.cachepair.");

  private ProblemJson() {}

  /**
   * Asserts that an answer is the expected problem.
   *
   * @param httpStatus the answer's HTTP status
   * @param contentType the answer's {@code Content-Type}, may be null
   * @param body the answer's body
   * @param status the expected status, also the body's {@code status}
   * @param type the expected type slug, e.g. {@code dish-not-found}
   * @param detail the expected {@code detail}, or null to leave it to the caller
   * @return the parsed problem, for checks of its extension members
   * @throws AssertionError when the answer is not that problem
   */
  public static JsonNode assertProblem(
      int httpStatus, String contentType, String body, int status, String type, String detail) {
    check(httpStatus == status, "HTTP status %d, expected %d; body: %s", httpStatus, status, body);
    check(
        contentType != null && contentType.startsWith("application/problem+json"),
        "Content-Type %s, expected application/problem+json; body: %s",
        contentType,
        body);
    JsonNode problem = parse(body);
    check(
        problem.path("status").asInt() == status,
        "body status %s, expected %d",
        problem.path("status"),
        status);
    check(
        (TYPE_BASE + type).equals(problem.path("type").asText()),
        "type %s, expected %s",
        problem.path("type"),
        TYPE_BASE + type);
    check(!problem.path("title").asText().isBlank(), "no title in %s", body);
    if (detail != null) {
      check(
          detail.equals(problem.path("detail").asText()),
          "detail %s, expected \"%s\"",
          problem.path("detail"),
          detail);
    }
    for (String internal : INTERNALS) {
      check(!body.contains(internal), "the body leaks '%s': %s", internal, body);
    }
    return problem;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }

  private static void check(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new AssertionError(String.format(message, args));
    }
  }
}
