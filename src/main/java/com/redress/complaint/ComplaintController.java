package com.redress.complaint;

import com.redress.language.LanguageResolver;
import com.redress.language.Phrase;
import com.redress.shared.AppClock;
import com.redress.shared.ConcurrentModifications;
import com.redress.shared.FieldProblem;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.NotFoundException;
import com.redress.shared.PageRequestParams;
import com.redress.shared.PageResult;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Intake and read access (docs/api.md). */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  /** One message for unknown reference and wrong token alike: no hint whether the reference exists. */
  /** How the access log names the two staff reads. */
  static final String READ_ONE = "GET /api/complaints/{reference}";
  static final String READ_LIST = "GET /api/complaints";

  private final ComplaintIntake intake;
  private final ComplaintService complaints;
  private final AccessTokens tokens;
  private final AppClock clock;
  private final SurveyService surveys;
  private final CompensationInfo compensations;
  private final StaffViews staffViews;
  private final LanguageResolver languages;

  ComplaintController(ComplaintIntake intake, ComplaintService complaints, AccessTokens tokens, AppClock clock,
      SurveyService surveys, CompensationInfo compensations, StaffViews staffViews, LanguageResolver languages) {
    this.languages = languages;
    this.staffViews = staffViews;
    this.compensations = compensations;
    this.surveys = surveys;
    this.intake = intake;
    this.complaints = complaints;
    this.tokens = tokens;
    this.clock = clock;
  }

  record Created(String reference, String accessToken, ComplaintStatus status) {
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Created> submit(@RequestBody ComplaintSubmission body,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, HttpServletRequest request) {
    // the language the customer's e-mails will speak: the one their client asks for (Accept-Language)
    ComplaintIntake.Result result = intake.submit(body, idempotencyKey, languages.languageOf(request));
    ComplaintService.Submitted s = result.submitted();
    Created created = new Created(s.reference(), s.accessToken(), s.status());
    // a replay answers like the first call (the client may never have seen it), marked as a replay
    return ResponseEntity.created(URI.create("/api/complaints/" + s.reference()))
        .header("Idempotent-Replayed", Boolean.toString(result.replayed())).body(created);
  }

  @GetMapping("/{reference}")
  ComplaintView get(@PathVariable String reference, @RequestParam(required = false) String token,
      Authentication authentication) {
    if (isStaff(authentication)) {
      // a complaint the reader may not read answers as an unknown one: references cannot be probed
      ComplaintAccess reader = ComplaintAccess.of(authentication);
      Complaint complaint = complaints.find(reference).filter(c -> complaints.readable(reference, reader))
          .orElseThrow(() -> new NotFoundException(Phrase.COMPLAINT_NOT_FOUND.with()));
      return staffViews.full(reader, List.of(complaint), READ_ONE).get(0);
    }
    if (!tokens.verify(reference, token)) {
      throw new NotFoundException(Phrase.COMPLAINT_NOT_FOUND.with());
    }
    return ComplaintView.forCustomer(complaints.get(reference), surveys.latest(reference).orElse(null),
        compensations.latest(reference).orElse(null), clock.now(), clock.businessZone());
  }

  /** The customer's survey answer; {@code score} must be a whole JSON number (4.5 is refused, not rounded). */
  record SurveyBody(String token, Object score, String comment) {
  }

  record SurveyAccepted(String reference, ComplaintStatus status) {
  }

  @PostMapping(path = "/{reference}/survey", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SurveyAccepted> answerSurvey(@PathVariable String reference, @RequestBody SurveyBody body) {
    // text is the page's form; over JSON the score must be a number
    Object score = body.score() instanceof String ? null : body.score();
    // the customer's answer may meet the resolution notice's send step on another node
    ConcurrentModifications.retry(() -> surveys.answer(reference, new SurveyService.Answer(body.token(), score, body.comment())));
    return ResponseEntity.accepted().body(new SurveyAccepted(reference, complaints.get(reference).status()));
  }

  @GetMapping
  PageResult<ComplaintView> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String severity,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Authentication authentication) {
    List<FieldProblem> problems = new ArrayList<>();
    ComplaintFilter filter = ComplaintFilter.of(
        enumParam(problems, "status", status, ComplaintStatus.class),
        enumParam(problems, "severity", severity, Severity.class),
        enumParam(problems, "category", category, Category.class),
        team == null || team.isBlank() ? null : team,
        timeParam(problems, "from", from, false),
        timeParam(problems, "to", to, true));
    ComplaintAccess reader = ComplaintAccess.of(authentication);
    PageRequestParams paging;
    try {
      paging = PageRequestParams.of(page, size);
    } catch (InvalidRequestException e) {
      problems.addAll(e.problems());
      paging = null;
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    PageResult<Complaint> found = complaints.search(filter.readableBy(reader), paging);
    return new PageResult<>(staffViews.rows(reader, found.items(), READ_LIST),
        found.page(), found.size(), found.totalElements());
  }

  private static boolean isStaff(Authentication authentication) {
    return authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  private static <E extends Enum<E>> E enumParam(List<FieldProblem> problems, String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(name, "is not a known " + type.getSimpleName()));
      return null;
    }
  }

  /** A date (whole day in the business time zone; {@code to} is inclusive) or a date-time with offset. */
  private OffsetDateTime timeParam(List<FieldProblem> problems, String name, String value, boolean endOfDay) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(clock.businessZone()).toOffsetDateTime();
      }
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(name, "must be a date (2026-11-01) or a date-time with offset"));
      return null;
    }
  }
}
