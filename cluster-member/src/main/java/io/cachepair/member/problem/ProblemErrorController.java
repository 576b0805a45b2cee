package io.cachepair.member.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the container's {@code /error} path with problem+json too, so that errors raised outside
 * Spring MVC (unknown paths, filters) never return an HTML page or a stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer i && HttpStatus.resolve(i) != null
            ? HttpStatus.valueOf(i)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String detail =
        status == HttpStatus.NOT_FOUND
            ? "no resource at " + (uri == null ? "this path" : uri)
            : status.is5xxServerError()
                ? "An unexpected error occurred; it has been logged."
                : status.getReasonPhrase();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(
        URI.create(
            ApiProblem.TYPE_BASE + (status == HttpStatus.NOT_FOUND ? "not-found" : "http-error")));
    problem.setTitle(status.getReasonPhrase());
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
