package io.cachepair.member.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachepair.member.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json like every other error, with the {@code WWW-Authenticate} header RFC
 * 6750 asks for (set by Spring's bearer-token handlers, whose status and header this keeps).
 */
final class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final BearerTokenAuthenticationEntryPoint entryPoint =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
  private final ObjectMapper json;

  ProblemAuthenticationHandlers(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    entryPoint.commence(request, response, e);
    String detail =
        e instanceof OAuth2AuthenticationException oauth
            ? "the bearer token was refused: " + describe(oauth)
            : "this request needs a bearer token (Authorization: Bearer <JWT>)";
    write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    denied.handle(request, response, e);
    write(
        response,
        HttpStatus.FORBIDDEN,
        "forbidden",
        "Forbidden",
        "the token does not allow " + request.getMethod() + " " + request.getRequestURI());
  }

  private static String describe(OAuth2AuthenticationException e) {
    String description = e.getError().getDescription();
    if (description == null || description.isBlank()) {
      return e.getError().getErrorCode();
    }
    // Nimbus' messages can be long and name internals; the first clause says enough.
    int cut = description.indexOf(':');
    return cut > 0 && cut < description.length() - 1 ? description.substring(0, cut) : description;
  }

  private void write(
      HttpServletResponse response, HttpStatus status, String type, String title, String detail)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(ApiProblem.TYPE_BASE + type));
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
