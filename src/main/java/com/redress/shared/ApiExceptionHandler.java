package com.redress.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an {@code /api} call into RFC 7807 {@code application/problem+json}
 * with an {@code errors} list naming each bad field by its JSON path.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  static final String ERRORS = "errors";
  public static final String RETRY_AFTER_SECONDS = "30";
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final Database database;

  public ApiExceptionHandler(Database database) {
    this.database = database;
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> invalid(InvalidRequestException e) {
    return respond(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        "The request has " + e.problems().size() + " invalid field(s).", e.problems());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e) {
    return respond(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), List.of());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    return respond(status, "conflict", status.getReasonPhrase(), e.getMessage(), List.of());
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<Object> tooMany(TooManyRequestsException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(tooManyRequests(e));
  }

  public static ProblemDetail tooManyRequests(TooManyRequestsException e) {
    return problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", e.getMessage(), List.of());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Object> forbidden(AuthorizationException e) {
    return respond(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), List.of());
  }

  /**
   * Anything unexpected: logged in full, answered without internals. The database out of reach is a
   * 503 the client may retry, also when a persistence failure does not say so itself but the database
   * does not answer now (the transaction rolled back either way: nothing was stored). Other failures
   * never wait for the database.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    if (Database.unreachable(e)) {
      LOG.warn("Database out of reach answering an API call: {}", e.toString());
      return serviceUnavailable();
    }
    if (Database.fromPersistence(e) && !database.answersNow()) {
      LOG.error("Failure answering an API call while the database does not answer", e);
      return serviceUnavailable();
    }
    LOG.error("Unexpected error answering an API call", e);
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
        "Something went wrong on our side; nothing was stored. Please try again later.", List.of());
  }

  private static ResponseEntity<Object> serviceUnavailable() {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(databaseUnavailable());
  }

  /** Parameter names the firewall refuses (control characters) or that bind to no property of the form. */
  @ExceptionHandler({RequestRejectedException.class, InvalidPropertyException.class})
  ResponseEntity<Object> unusableParameter(Exception e) {
    return respond(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        "The request has a parameter whose name is not allowed (control characters, or no such field).",
        List.of());
  }

  /** A multipart body that cannot be parsed (unterminated, no boundary): the caller's mistake, not ours. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> unreadableMultipart(MultipartException e) {
    LOG.info("Refused an unreadable multipart body: {}", e.getMessage());
    return respond(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        "The multipart body cannot be read (is it complete, with its boundary?).", List.of());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> parameterType(MethodArgumentTypeMismatchException e) {
    return respond(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
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
    } else if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
        && !causedBy(ex, JsonParseException.class)) {
      String field = JsonPaths.of(mapping.getPath());
      body = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
          "Field '" + field + "' has the wrong JSON type.", List.of(new FieldProblem(field, "has the wrong JSON type")));
    } else if (firstCause(ex, JsonParseException.class) instanceof JsonParseException parse && parse.getLocation() != null) {
      body = problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
          "The body is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
              + parse.getLocation().getColumnNr() + ").",
          List.of(new FieldProblem("$", "is not valid JSON")));
    } else {
      body = problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
          "The request body is missing or not valid JSON.", List.of(new FieldProblem("$", "is missing or not valid JSON")));
    }
    return respond(body);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    // Spring's own MVC errors (415, 405, 406, missing parameters…) keep their status but get our shape.
    if (body instanceof ProblemDetail detail && detail.getProperties() == null) {
      detail.setProperty(ERRORS, List.of());
    }
    ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
    return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
  }

  private static ResponseEntity<Object> respond(HttpStatus status, String type, String title, String detail,
      List<FieldProblem> errors) {
    return respond(problem(status, type, title, detail, errors));
  }

  /** Always {@code application/problem+json}, whatever the client's Accept header allowed. */
  private static ResponseEntity<Object> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** The answer while the database is out of reach: nothing was stored, try again shortly. */
  public static ProblemDetail databaseUnavailable() {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
        "Redress cannot reach its database just now; nothing was stored. Please try again in a minute.", List.of());
  }

  static ProblemDetail problem(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://redress.example/problems/" + type));
    problem.setTitle(title);
    problem.setProperty(ERRORS, errors);
    return problem;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    return firstCause(e, type) != null;
  }

  private static Throwable firstCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }
}
