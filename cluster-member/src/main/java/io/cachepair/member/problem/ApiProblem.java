package io.cachepair.member.problem;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A domain error that becomes an RFC 9457 problem detail: each service's exceptions extend it and
 * name their status, stable type and precise detail.
 */
public abstract class ApiProblem extends RuntimeException {

  /** The base of every problem {@code type} URI. */
  public static final String TYPE_BASE = "https://cachepair.io/problems/";

  private final HttpStatus status;
  private final String type;
  private final String title;
  private final Map<String, Object> properties;

  /**
   * Creates the problem.
   *
   * @param status the HTTP status
   * @param type the stable slug appended to {@link #TYPE_BASE}
   * @param title a short, fixed summary of the problem type
   * @param detail what exactly went wrong in this request
   * @param properties extension members (e.g. the current price), may be empty
   */
  protected ApiProblem(
      HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.properties = Map.copyOf(properties);
  }

  /** Renders this problem. */
  public ProblemDetail toProblemDetail() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    properties.forEach(problem::setProperty);
    return problem;
  }

  /** The HTTP status. */
  public HttpStatus status() {
    return status;
  }

  /**
   * How long a client should wait before it retries, sent as {@code Retry-After}; empty (the
   * default) when retrying the same request will not help.
   */
  public Optional<Duration> retryAfter() {
    return Optional.empty();
  }
}
