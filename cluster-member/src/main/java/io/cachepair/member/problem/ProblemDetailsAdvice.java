package io.cachepair.member.problem;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.cachepair.member.cache.ReplicaUnavailableException;
import io.cachepair.member.input.BodyTooLargeException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into problem+json with a precise detail: malformed JSON and validation name the
 * field, domain problems carry their own type, anything unexpected is a 500 without internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status());
    problem
        .retryAfter()
        .ifPresent(
            wait ->
                response.header(
                    HttpHeaders.RETRY_AFTER,
                    // whole seconds, rounded up: a client retrying then finds the reason gone
                    String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000))));
    return response.body(problem.toProblemDetail());
  }

  @ExceptionHandler(ReplicaUnavailableException.class)
  ResponseEntity<ProblemDetail> replicaUnavailable(ReplicaUnavailableException e) {
    ProblemDetail problem =
        problem(HttpStatus.SERVICE_UNAVAILABLE, "replica-unavailable", "Replica not ready", e);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "2")
        .body(problem);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
    String detail =
        e.getConstraintViolations().stream()
            .map(v -> leaf(v.getPropertyPath().toString()) + ": " + v.getMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(URI.create(ApiProblem.TYPE_BASE + "validation"));
    problem.setTitle("Invalid request");
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected error", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged.");
    problem.setType(URI.create(ApiProblem.TYPE_BASE + "internal"));
    problem.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    BodyTooLargeException tooLarge = cause(ex, BodyTooLargeException.class);
    if (tooLarge != null) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
      problem.setType(URI.create(ApiProblem.TYPE_BASE + "body-too-large"));
      problem.setTitle("Request body too large");
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableDetail(ex));
    problem.setType(URI.create(ApiProblem.TYPE_BASE + "malformed-request"));
    problem.setTitle("Malformed request body");
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<String> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(ProblemDetailsAdvice::describe)
            .sorted()
            .toList();
    List<String> global =
        ex.getBindingResult().getGlobalErrors().stream()
            .map(e -> e.getObjectName() + ": " + e.getDefaultMessage())
            .toList();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            String.join(
                "; ", java.util.stream.Stream.concat(errors.stream(), global.stream()).toList()));
    problem.setType(URI.create(ApiProblem.TYPE_BASE + "validation"));
    problem.setTitle("Invalid request");
    problem.setProperty(
        "fields",
        ex.getBindingResult().getFieldErrors().stream().map(FieldError::getField).toList());
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail =
        ex.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            e ->
                                r.getMethodParameter().getParameterName()
                                    + ": "
                                    + e.getDefaultMessage()))
            .sorted()
            .collect(Collectors.joining("; "));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(URI.create(ApiProblem.TYPE_BASE + "validation"));
    problem.setTitle("Invalid request");
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // The same type as a blank value of that parameter, which bean validation reports.
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, ex.getParameterName() + ": is required");
    problem.setType(URI.create(ApiProblem.TYPE_BASE + "validation"));
    problem.setTitle("Invalid request");
    return ResponseEntity.badRequest().body(problem);
  }

  /**
   * Gives Spring MVC's own problems (405, 406, 415, no handler, ...) a type of ours instead of
   * {@code about:blank}, the same ones {@link ProblemErrorController} uses.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(
          URI.create(
              ApiProblem.TYPE_BASE + (statusCode.value() == 404 ? "not-found" : "http-error")));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      org.springframework.beans.TypeMismatchException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            name + ": '" + ex.getValue() + "' is not " + jsonKind(ex.getRequiredType()));
    problem.setType(URI.create(ApiProblem.TYPE_BASE + "validation"));
    problem.setTitle("Invalid request");
    return ResponseEntity.badRequest().body(problem);
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static ProblemDetail problem(HttpStatus status, String type, String title, Exception e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setType(URI.create(ApiProblem.TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  private static String describe(FieldError error) {
    return error.getField() + ": " + error.getDefaultMessage();
  }

  private static String leaf(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  // Jackson's refusal of a coercion (strict input): the value is worth echoing, the class names not
  private static final java.util.regex.Pattern COERCED =
      java.util.regex.Pattern.compile(
          "^Cannot coerce (?:String|Integer|Floating-point|Boolean) value \\((.{0,60}?)\\)");

  private static String unreadableDetail(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    if (cause instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'";
    }
    if (cause instanceof InvalidFormatException f && f.getTargetType() == String.class) {
      return path(f) + ": " + f.getOriginalMessage();
    }
    if (cause instanceof StreamConstraintsException limit) {
      String what = limit.getOriginalMessage();
      int cut = what.indexOf(" (");
      return "the JSON exceeds a limit: " + (cut > 0 ? what.substring(0, cut) : what);
    }
    if (cause instanceof InvalidFormatException f) {
      return path(f) + ": '" + f.getValue() + "' is not " + jsonKind(f.getTargetType());
    }
    if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException p
        && p.getOriginalMessage() != null
        && p.getOriginalMessage().startsWith("Unexpected end-of-input")) {
      var end = p.getLocation();
      return "malformed JSON"
          + (end == null ? "" : " at line " + end.getLineNr() + ", column " + end.getColumnNr())
          + ": the body ends before the JSON value is complete";
    }
    if (cause instanceof MismatchedInputException m && m.getTargetType() != null) {
      java.util.regex.Matcher coerced = COERCED.matcher(String.valueOf(m.getOriginalMessage()));
      if (coerced.find()) {
        String value = coerced.group(1);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return path(m) + ": '" + value + "' is not " + jsonKind(m.getTargetType());
      }
      return path(m) + ": expected " + jsonKind(m.getTargetType());
    }
    if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException p) {
      var location = p.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      String what = p.getOriginalMessage();
      // Jackson's messages can name internal classes and echo the source; keep the first clause.
      int cut = what.indexOf(':');
      if (cut > 0) {
        what = what.substring(0, cut);
      }
      return "malformed JSON" + where + ": " + what;
    }
    return "the request body is missing or is not valid JSON";
  }

  /** Says what JSON a Java target type expects, without naming internal classes. */
  private static String jsonKind(Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return type == Double.class || type == Float.class || type == double.class
          ? "a number"
          : "a whole number";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    return "a JSON object";
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "body" : sb.toString();
  }
}
