package com.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.Submissions;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/complaints/{reference}/survey}: one answer per resolution, every bad input refused untouched. */
class SurveyApiTest extends ApplicationTest {

  @Autowired JdbcTemplate jdbc;

  private record Created(String reference, String token) {
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void happyAnswerIsAcceptedAndShownToCustomerAndStaff() {
    Created c = resolved();

    HttpResponse<String> accepted = http.postJson(surveyOf(c), """
        {"token": "%s", "score": 5, "comment": "Fixed the same day."}""".formatted(c.token()));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(Http.json(accepted).get("status").asText()).isEqualTo("RESOLVED");
    JsonNode view = Http.json(http.get("/api/complaints/" + c.reference() + "?token=" + c.token()));
    assertThat(view.at("/survey/score").asInt()).isEqualTo(5);
    assertThat(view.at("/survey/comment").asText()).isEqualTo("Fixed the same day.");
    assertThat(view.at("/survey/awaited").asBoolean()).isFalse();
    assertThat(view.has("staff")).isFalse();
  }

  @Test
  void closedComplaintShowsItsOutcomeToCustomerAndItsKpisToStaff() {
    Created c = resolved();
    http.postJson(surveyOf(c), "{\"token\": \"%s\", \"score\": 4}".formatted(c.token()));
    Jobs.continueAfterSurvey(engine, c.reference());
    String reviewer = TestUsers.ensure(engine.getIdentityService(), "survey-api-reviewer", Groups.QUALITY_REVIEWERS);
    Handling.review(engine, c.reference(), reviewer, 5);

    JsonNode customer = Http.json(http.get("/api/complaints/" + c.reference() + "?token=" + c.token()));
    assertThat(customer.get("status").asText()).isEqualTo("CLOSED");
    assertThat(customer.at("/closing/unresolved").asBoolean()).isFalse();
    assertThat(customer.at("/closing/reopenCount").asInt()).isZero();
    assertThat(customer.has("staff")).isFalse();

    String auditor = TestUsers.ensure(engine.getIdentityService(), "survey-api-staff", Groups.SUPERVISORS);
    JsonNode staff = Http.json(http.as(auditor, TestUsers.PASSWORD).get("/api/complaints/" + c.reference()));
    assertThat(staff.at("/staff/kpi/csat").asInt()).isEqualTo(4);
    assertThat(staff.at("/staff/kpi/qualityScore").asInt()).isEqualTo(5);
    assertThat(staff.at("/staff/kpi/resolution/slaMet").asBoolean()).isTrue();
    assertThat(staff.at("/staff/kpi/resolution/business").asText()).startsWith("PT");
    assertThat(staff.at("/staff/handlers/0").asText()).isEqualTo("survey-api-handler");
    assertThat(staff.at("/staff/qualityReview/reviewedBy").asText()).isEqualTo(reviewer);
  }

  @Test
  void scoreOutsideOneToFiveOrNotWholeIsRefusedNamingTheField() {
    Created c = resolved();
    for (String score : new String[] {"0", "6", "4.5", "\"4\"", "null"}) {
      HttpResponse<String> refused = http.postJson(surveyOf(c),
          "{\"token\": \"%s\", \"score\": %s}".formatted(c.token(), score));
      assertThat(refused.statusCode()).as(score).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(Http.json(refused).at("/errors/0/field").asText()).isEqualTo("score");
    }
    HttpResponse<String> longComment = http.postJson(surveyOf(c),
        "{\"token\": \"%s\", \"score\": 3, \"comment\": \"%s\"}".formatted(c.token(), "x".repeat(2001)));
    assertThat(longComment.statusCode()).isEqualTo(400);
    assertThat(Http.json(longComment).at("/errors/0/field").asText()).isEqualTo("comment");
    assertUnchanged(c);
  }

  @Test
  void missingOrWrongTokenIsRefused() {
    Created c = resolved();

    HttpResponse<String> missing = http.postJson(surveyOf(c), "{\"score\": 1}");
    HttpResponse<String> wrong = http.postJson(surveyOf(c), "{\"token\": \"guess\", \"score\": 1}");
    HttpResponse<String> otherComplaints = http.postJson(surveyOf(c),
        "{\"token\": \"%s\", \"score\": 1}".formatted(resolved().token()));
    HttpResponse<String> wrongAndInvalid = http.postJson(surveyOf(c), "{\"token\": \"guess\", \"score\": 9}");

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(Http.json(missing).at("/errors/0/field").asText()).isEqualTo("token");
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(otherComplaints.statusCode()).isEqualTo(404);
    assertThat(wrongAndInvalid.statusCode()).as("the token is checked before anything else").isEqualTo(404);
    assertUnchanged(c);
  }

  @Test
  void secondAnswerIsAConflict() {
    Created c = resolved();
    assertThat(http.postJson(surveyOf(c), "{\"token\": \"%s\", \"score\": 4}".formatted(c.token())).statusCode())
        .isEqualTo(202);

    HttpResponse<String> again = http.postJson(surveyOf(c), "{\"token\": \"%s\", \"score\": 1}".formatted(c.token()));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Http.json(again).get("detail").asText()).contains("already answered");
    assertThat(jdbc.queryForObject("SELECT score FROM complaint_survey WHERE complaint_reference = ?", Integer.class,
        c.reference())).isEqualTo(4);
    assertThat(complaintStatus(c)).as("not reopened").isEqualTo("RESOLVED");

    bean(SurveyService.class).expire(c.reference()); // a timer that lost the race to the answer
    assertThat(complaintStatus(c)).isEqualTo("RESOLVED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint_survey WHERE complaint_reference = ?"
        + " AND expired_at IS NULL", Integer.class, c.reference())).isEqualTo(1);
  }

  @Test
  void answerBeforeTheResolutionIsAConflict() {
    JsonNode created = Http.json(http.postJson("/api/complaints", Submissions.valid("DELAY", "GOLD")));
    Created c = new Created(created.get("reference").asText(), created.get("accessToken").asText());
    Jobs.continueAfterRegistration(engine, c.reference());

    HttpResponse<String> early = http.postJson(surveyOf(c), "{\"token\": \"%s\", \"score\": 5}".formatted(c.token()));

    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(Http.json(early).get("detail").asText()).contains("not resolved yet");
    assertThat(complaintStatus(c)).isEqualTo("IN_PROGRESS");
  }

  @Test
  void answerAfterTheTimeoutIsAConflictWhetherOrNotItsTimerHasRun() {
    Created c = resolved();
    Date due = surveyTimer(c).getDuedate();
    ClockUtil.setCurrentTime(due);

    HttpResponse<String> late = http.postJson(surveyOf(c), "{\"token\": \"%s\", \"score\": 5}".formatted(c.token()));
    assertThat(late.statusCode()).as("due, timer not yet run").isEqualTo(409);
    assertThat(Http.json(http.get("/api/complaints/" + c.reference() + "?token=" + c.token())).at("/survey/awaited")
        .asBoolean()).as("not offered after its deadline").isFalse();
    assertUnchanged(c);

    engine.getManagementService().executeJob(surveyTimer(c).getId());
    HttpResponse<String> afterTimer = http.postJson(surveyOf(c),
        "{\"token\": \"%s\", \"score\": 5}".formatted(c.token()));
    assertThat(afterTimer.statusCode()).isEqualTo(409);
    assertThat(Http.json(afterTimer).get("detail").asText()).contains("closed on");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint_survey WHERE complaint_reference = ?"
        + " AND score IS NULL AND expired_at IS NOT NULL", Integer.class, c.reference())).isEqualTo(1);
  }

  // --- helpers

  /** Submitted through the API, handled, resolution told: the survey is open. */
  private Created resolved() {
    JsonNode created = Http.json(http.postJson("/api/complaints", Submissions.valid("SAFETY", "GOLD")));
    Created c = new Created(created.get("reference").asText(), created.get("accessToken").asText());
    Jobs.continueAfterRegistration(engine, c.reference());
    String handler = TestUsers.ensure(engine.getIdentityService(), "survey-api-handler", Groups.TEAM_SAFETY);
    Handling.resolve(engine, c.reference(), handler);
    assertThat(complaintStatus(c)).isEqualTo("AWAITING_FEEDBACK");
    return c;
  }

  private org.camunda.bpm.engine.runtime.Job surveyTimer(Created c) {
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(c.reference())
        .processDefinitionKey(ComplaintHandlingProcess.KEY)
        .singleResult().getId();
    return engine.getManagementService().createJobQuery().processInstanceId(instance)
        .activityId(ComplaintHandlingProcess.TIMER_SURVEY_TIMEOUT).singleResult();
  }

  private static String surveyOf(Created c) {
    return "/api/complaints/" + c.reference() + "/survey";
  }

  private String complaintStatus(Created c) {
    return jdbc.queryForObject("SELECT status FROM complaint WHERE reference = ?", String.class, c.reference());
  }

  /** Still awaiting the one open survey, the process still at its event-based gateway, no new audit record. */
  private void assertUnchanged(Created c) {
    assertThat(complaintStatus(c)).isEqualTo("AWAITING_FEEDBACK");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint_survey WHERE complaint_reference = ?"
        + " AND answered_at IS NULL AND expired_at IS NULL", Integer.class, c.reference())).isEqualTo(1);
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery()
        .eventName(ComplaintHandlingProcess.MESSAGE_SURVEY_ANSWERED).list().stream()
        .anyMatch(s -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(s.getProcessInstanceId())
            .processInstanceBusinessKey(c.reference()).count() == 1)).isTrue();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ? AND event_type = 'survey-answered'",
        Integer.class, c.reference())).isZero();
  }
}
