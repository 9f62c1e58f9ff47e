package com.redress.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.redress.language.Phrase;
import com.redress.language.Phrases;
import com.redress.language.Wording;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * with an {@code errors} list naming each bad field by its JSON path. Titles, details and the
 * fields' messages are in the caller's language ({@code Accept-Language}), field names as they are.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  static final String ERRORS = "errors";
  public static final String RETRY_AFTER_SECONDS = "30";
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final Database database;
  private final Phrases phrases;

  public ApiExceptionHandler(Database database, Phrases phrases) {
    this.database = database;
    this.phrases = phrases;
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> invalid(InvalidRequestException e) {
    Locale locale = LocaleContextHolder.getLocale();
    return respond(HttpStatus.BAD_REQUEST, "invalid-request", Phrase.TITLE_INVALID_REQUEST,
        Phrase.INVALID_FIELDS.with(e.problems().size()), e.problems().stream().map(p -> p.in(phrases, locale)).toList());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e) {
    return refused(HttpStatus.NOT_FOUND, "not-found", Phrase.TITLE_NOT_FOUND, e);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    return refused(status, "conflict", status == HttpStatus.CONFLICT ? Phrase.TITLE_CONFLICT : Phrase.TITLE_UNPROCESSABLE, e);
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<Object> tooMany(TooManyRequestsException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(tooManyRequests(e, phrases, LocaleContextHolder.getLocale()));
  }

  /** For the public limits' filter, which answers before any controller. */
  public static ProblemDetail tooManyRequests(TooManyRequestsException e, Phrases phrases, Locale locale) {
    return problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", phrases.say(Phrase.TITLE_TOO_MANY_REQUESTS.with(), locale),
        e.messageIn(phrases, locale), List.of());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Object> forbidden(AuthorizationException e) {
    return respond(HttpStatus.FORBIDDEN, "forbidden", say(Phrase.TITLE_FORBIDDEN.with()), e.getMessage(), List.of());
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
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", Phrase.TITLE_INTERNAL_ERROR,
        Phrase.INTERNAL_ERROR.with(), List.of());
  }

  private ResponseEntity<Object> serviceUnavailable() {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(databaseUnavailable(phrases, LocaleContextHolder.getLocale()));
  }

  /** Parameter names the firewall refuses (control characters) or that bind to no property of the form. */
  @ExceptionHandler({RequestRejectedException.class, InvalidPropertyException.class})
  ResponseEntity<Object> unusableParameter(Exception e) {
    return respond(HttpStatus.BAD_REQUEST, "invalid-request", Phrase.TITLE_INVALID_REQUEST, Phrase.PARAMETER_NAME.with(),
        List.of());
  }

  /** A multipart body that cannot be parsed (unterminated, no boundary): the caller's mistake, not ours. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> unreadableMultipart(MultipartException e) {
    LOG.info("Refused an unreadable multipart body: {}", e.getMessage());
    return respond(HttpStatus.BAD_REQUEST, "invalid-request", Phrase.TITLE_INVALID_REQUEST,
        Phrase.UNREADABLE_MULTIPART.with(), List.of());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> parameterType(MethodArgumentTypeMismatchException e) {
    return respond(HttpStatus.BAD_REQUEST, "invalid-request", Phrase.TITLE_INVALID_REQUEST,
        Phrase.PARAMETER_TYPE.with(e.getName()), List.of(FieldProblem.of(e.getName(), Phrase.NOT_A_VALID_VALUE)));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (causedBy(ex, PayloadTooLargeException.class)) {
      return respond(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", Phrase.TITLE_PAYLOAD_TOO_LARGE,
          Phrase.PAYLOAD_TOO_LARGE.with(RequestSizeLimitFilter.MAX_BODY_BYTES), List.of());
    }
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
        && !causedBy(ex, JsonParseException.class)) {
      String field = JsonPaths.of(mapping.getPath());
      return respond(HttpStatus.BAD_REQUEST, "invalid-request", Phrase.TITLE_INVALID_REQUEST,
          Phrase.FIELD_WRONG_JSON_TYPE.with(field), List.of(FieldProblem.of(field, Phrase.WRONG_JSON_TYPE)));
    }
    if (firstCause(ex, JsonParseException.class) instanceof JsonParseException parse && parse.getLocation() != null) {
      return respond(HttpStatus.BAD_REQUEST, "malformed-json", Phrase.TITLE_MALFORMED_JSON,
          Phrase.MALFORMED_JSON_AT.with(parse.getLocation().getLineNr(), parse.getLocation().getColumnNr()),
          List.of(FieldProblem.of("$", Phrase.NOT_JSON)));
    }
    return respond(HttpStatus.BAD_REQUEST, "malformed-json", Phrase.TITLE_MALFORMED_JSON, Phrase.MALFORMED_JSON.with(),
        List.of(FieldProblem.of("$", Phrase.MISSING_JSON)));
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

  private ResponseEntity<Object> refused(HttpStatus status, String type, Phrase title, Refusal refusal) {
    return respond(status, type, say(title.with()), refusal.messageIn(phrases, LocaleContextHolder.getLocale()), List.of());
  }

  private ResponseEntity<Object> respond(HttpStatus status, String type, Phrase title, Wording detail,
      List<FieldProblem> errors) {
    Locale locale = LocaleContextHolder.getLocale();
    return respond(status, type, say(title.with()), phrases.say(detail, locale),
        errors.stream().map(p -> p.in(phrases, locale)).toList());
  }

  private String say(Wording wording) {
    return phrases.say(wording, LocaleContextHolder.getLocale());
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
  public static ProblemDetail databaseUnavailable(Phrases phrases, Locale locale) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
        phrases.say(Phrase.TITLE_SERVICE_UNAVAILABLE.with(), locale), phrases.say(Phrase.DATABASE_UNAVAILABLE.with(), locale),
        List.of());
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
