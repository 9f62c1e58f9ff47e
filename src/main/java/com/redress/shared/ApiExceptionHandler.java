package com.redress.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an {@code /api} call into RFC 7807 {@code application/problem+json}
 * with an {@code errors} list naming each bad field by its JSON path.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  static final String ERRORS = "errors";

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        "The request has " + e.problems().size() + " invalid field(s).", e.problems());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), List.of());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    return problem(status, "conflict", status.getReasonPhrase(), e.getMessage(), List.of());
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), List.of());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail parameterType(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        "Parameter '" + e.getName() + "' has the wrong type.",
        List.of(new FieldProblem(e.getName(), "is not a valid value")));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail body;
    if (causedBy(ex, PayloadTooLargeException.class)) {
      body = problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
          "The request body is larger than " + RequestSizeLimitFilter.MAX_BODY_BYTES + " bytes.", List.of());
    } else if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = JsonPaths.of(mapping.getPath());
      body = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
          "Field '" + field + "' has the wrong JSON type.", List.of(new FieldProblem(field, "has the wrong JSON type")));
    } else if (ex.getCause() instanceof JsonProcessingException parse && parse.getLocation() != null) {
      body = problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
          "The body is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
              + parse.getLocation().getColumnNr() + ").",
          List.of(new FieldProblem("$", "is not valid JSON")));
    } else {
      body = problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
          "The request body is missing or not valid JSON.", List.of(new FieldProblem("$", "is missing or not valid JSON")));
    }
    return ResponseEntity.status(body.getStatus()).body(body);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    // Spring's own MVC errors (415, 405, 406, missing parameters…) keep their status but get our shape.
    if (body instanceof ProblemDetail detail && detail.getProperties() == null) {
      detail.setProperty(ERRORS, List.of());
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  static ProblemDetail problem(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://redress.example/problems/" + type));
    problem.setTitle(title);
    problem.setProperty(ERRORS, errors);
    return problem;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
