package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.MESSAGE_SURVEY_ANSWERED;
import static com.redress.complaint.ComplaintHandlingProcess.SURVEY_SCORE;

import com.redress.audit.AuditTrail;
import com.redress.language.Phrase;
import com.redress.language.Wording;
import com.redress.shared.AppClock;
import com.redress.shared.ConflictException;
import com.redress.shared.FieldProblem;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.NotFoundException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction survey after each resolution: opened when the customer is told, answered once
 * (API or page) or closed by its timeout. An answer and the timeout lock the complaint row, so
 * whichever comes second finds the survey no longer open.
 */
@Service
public class SurveyService {

  private final ComplaintRepository complaints;
  private final SurveyRepository surveys;
  private final AccessTokens tokens;
  private final RuntimeService runtimeService;
  private final AuditTrail audit;
  private final AppClock clock;
  private final SurveyPolicy policy;

  SurveyService(ComplaintRepository complaints, SurveyRepository surveys, AccessTokens tokens,
      RuntimeService runtimeService, AuditTrail audit, AppClock clock, SurveyPolicy policy) {
    this.complaints = complaints;
    this.surveys = surveys;
    this.tokens = tokens;
    this.runtimeService = runtimeService;
    this.audit = audit;
    this.clock = clock;
    this.policy = policy;
  }

  /**
   * What the customer answers: a score from 1 to 5 (a JSON number or the page's text) and an
   * optional comment.
   */
  public record Answer(String token, Object score, String comment) {

    /** The score when it is a whole number, else null. */
    Integer wholeScore() {
      if (score instanceof Integer whole) {
        return whole;
      }
      if (score instanceof String text && text.strip().matches("\\d{1,2}")) {
        return Integer.valueOf(text.strip());
      }
      return null;
    }
  }

  /** Asks the customer about the resolution: the complaint awaits feedback until the returned due time. */
  @Transactional
  public Survey open(String reference) {
    Complaint complaint = complaints.find(reference).orElseThrow(() -> new NotFoundException("No complaint " + reference));
    OffsetDateTime now = clock.nowInBusinessZone();
    int round = complaint.lifecycle().reopenCount();
    OffsetDateTime due = now.plus(policy.timeout());
    surveys.open(reference, round, now, due);
    complaints.updateStatus(reference, ComplaintStatus.AWAITING_FEEDBACK, now);
    audit.recordDomainChange(reference, ComplaintService.STATUS_CHANGED,
        Map.of("status", ComplaintStatus.AWAITING_FEEDBACK.name(), "surveyRound", round, "surveyDueAt", due.toString()));
    return surveys.latest(reference).orElseThrow();
  }

  /**
   * Records the customer's answer and lets the process decide (satisfied, reopen, or close
   * unresolved), all in one transaction. Bad input answers 400, a wrong token 404, and a survey
   * that is not open 409; none of them changes anything.
   */
  @Transactional
  public void answer(String reference, Answer answer) {
    // the token first: without it nobody learns anything about the complaint, not even which fields are wrong
    if (answer.token() == null || answer.token().isBlank()) {
      throw new InvalidRequestException(List.of(FieldProblem.of("token", Phrase.TOKEN_REQUIRED)));
    }
    if (!tokens.verify(reference, answer.token())) {
      throw new NotFoundException(Phrase.COMPLAINT_NOT_FOUND.with());
    }
    List<FieldProblem> problems = new ArrayList<>();
    Integer score = answer.wholeScore();
    if (score == null || score < SurveyPolicy.MIN_SCORE || score > SurveyPolicy.MAX_SCORE) {
      problems.add(FieldProblem.of("score", Phrase.SCORE, SurveyPolicy.MIN_SCORE, SurveyPolicy.MAX_SCORE));
    }
    String comment = answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip();
    if (comment != null && comment.length() > SurveyPolicy.MAX_COMMENT) {
      problems.add(FieldProblem.of("comment", Phrase.AT_MOST_CHARACTERS, SurveyPolicy.MAX_COMMENT));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    ComplaintStatus status = complaints.lockStatus(reference).orElseThrow(() -> new NotFoundException(Phrase.COMPLAINT_NOT_FOUND.with()));
    Survey survey = awaitedSurvey(reference, status);
    OffsetDateTime now = clock.nowInBusinessZone();
    surveys.answer(reference, survey.round(), score, comment, now);
    complaints.updateStatus(reference, ComplaintStatus.RESOLVED, now);
    audit.recordDomainChange(reference, "survey-answered",
        Map.of("status", ComplaintStatus.RESOLVED.name(), "surveyRound", survey.round(), "score", score,
            // the customer's own words, sealed so that erasure can destroy them (docs/adr/0017)
            "comment", comment == null ? "" : audit.sealed(reference, comment)));
    runtimeService.createMessageCorrelation(MESSAGE_SURVEY_ANSWERED)
        .processInstanceBusinessKey(reference)
        .setVariables(SURVEY_SCORE.putInto(Variables.createVariables(), score))
        .correlateWithResult();
  }

  /** The open survey, or a 409 that tells the customer why there is none. */
  private Survey awaitedSurvey(String reference, ComplaintStatus status) {
    Optional<Survey> latest = surveys.latest(reference);
    if (status != ComplaintStatus.AWAITING_FEEDBACK || latest.isEmpty() || !latest.get().isOpen()) {
      Wording why = latest.isEmpty() || status == ComplaintStatus.REOPENED
          ? Phrase.SURVEY_NOT_YET.with(reference)
          : latest.get().answeredAt() != null
              ? Phrase.SURVEY_ANSWERED.with(latest.get().answeredAt().atZoneSameInstant(clock.businessZone()).toLocalDate())
              : latest.get().expiredAt() != null
                  ? Phrase.SURVEY_CLOSED.with(latest.get().dueAt().atZoneSameInstant(clock.businessZone()).toLocalDate())
                  : Phrase.SURVEY_NOT_AWAITED.with(reference);
      throw new ConflictException(409, why);
    }
    if (!clock.now().isBefore(latest.get().dueAt().toInstant())) {
      // due, its timer just not run yet
      throw new ConflictException(409,
          Phrase.SURVEY_CLOSED.with(latest.get().dueAt().atZoneSameInstant(clock.businessZone()).toLocalDate()));
    }
    return latest.get();
  }

  /**
   * The survey's timeout: no answer recorded; the quality review follows. Does nothing when an
   * answer got in first (its transaction then also wins against this timer's).
   */
  @Transactional
  public void expire(String reference) {
    Optional<ComplaintStatus> status = complaints.lockStatus(reference);
    Optional<Survey> latest = surveys.latest(reference);
    if (status.orElse(null) != ComplaintStatus.AWAITING_FEEDBACK || latest.isEmpty() || !latest.get().isOpen()) {
      return;
    }
    Survey survey = latest.get();
    OffsetDateTime now = clock.nowInBusinessZone();
    surveys.expire(reference, survey.round(), now);
    complaints.updateStatus(reference, ComplaintStatus.RESOLVED, now);
    audit.recordDomainChange(reference, "survey-expired",
        Map.of("status", ComplaintStatus.RESOLVED.name(), "surveyRound", survey.round()));
  }

  public Optional<Survey> latest(String reference) {
    return surveys.latest(reference);
  }

  /**
   * The complaint's CSAT: the answer about its final resolution, none when that survey expired
   * (an earlier round's score was about a resolution that was replaced).
   */
  public Optional<Integer> finalScore(String reference) {
    return surveys.latest(reference).map(Survey::score);
  }
}
