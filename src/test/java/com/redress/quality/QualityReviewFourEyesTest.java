package com.redress.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.AccessTokens;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.SurveyService;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.FourEyesBypass;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.Submissions;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The quality review's four-eyes rule: whoever handled the complaint (took on or completed its
 * handling) cannot claim or complete its review, neither through the REST calls Tasklist makes
 * nor through the Java API; another reviewer can, and the history shows who.
 */
class QualityReviewFourEyesTest extends ApplicationTest {

  private static final String REVIEW = """
      {"variables": {"qualityScore": {"value": 4}, "innovative": {"value": false},
                     "reviewComment": {"value": "Clear answer to the customer."}}}""";

  @Autowired ComplaintService complaints;
  @Autowired SurveyService surveys;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  @Test
  void handlerIsRefusedAtClaimAndCompletionThroughRestAndAnotherReviewerSucceeds() {
    String both = TestUsers.ensure(identity, "fe-handler-reviewer", Groups.TEAM_SAFETY, Groups.QUALITY_REVIEWERS);
    String reference = awaitingReview(both);
    Task review = Handling.task(engine, reference, ComplaintHandlingProcess.TASK_REVIEW_QUALITY);
    Http asHandler = http.as(both, TestUsers.PASSWORD);

    HttpResponse<String> claim = asHandler.postJson("/engine-rest/task/" + review.getId() + "/claim",
        "{\"userId\": \"" + both + "\"}");
    assertThat(claim.statusCode()).isEqualTo(403);
    assertThat(Http.json(claim).get("message").asText())
        .contains(both + " handled complaint " + reference).contains("four-eyes");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();

    HttpResponse<String> submit = asHandler.postJson("/engine-rest/task/" + review.getId() + "/submit-form", REVIEW);
    assertThat(submit.statusCode()).isEqualTo(403);
    assertThat(Http.json(submit).get("message").asText()).contains(both + " handled complaint " + reference)
        .contains("four-eyes");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).as("still open").isEqualTo(1);
    assertThat(complaints.get(reference).qualityReview()).isNull();

    String reviewer = TestUsers.ensure(identity, "fe-other-reviewer", Groups.QUALITY_REVIEWERS);
    Http asReviewer = http.as(reviewer, TestUsers.PASSWORD);
    assertThat(asReviewer.postJson("/engine-rest/task/" + review.getId() + "/claim",
        "{\"userId\": \"" + reviewer + "\"}").statusCode()).isEqualTo(204);
    HttpResponse<String> done = asReviewer.postJson("/engine-rest/task/" + review.getId() + "/submit-form", REVIEW);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

    assertThat(complaints.get(reference).qualityReview().reviewedBy()).isEqualTo(reviewer);
    assertThat(complaints.get(reference).qualityReview().comment()).isEqualTo("Clear answer to the customer.");
    JsonNode reviewed = Http.json(http.as(TestUsers.ensure(identity, "fe-auditor", Groups.AUDITORS), TestUsers.PASSWORD)
        .get("/api/audit/complaints/" + reference + "/timeline"));
    assertThat(reviewed.findValues("type").stream().map(JsonNode::asText)).contains("complaint-quality-reviewed");
    for (JsonNode event : reviewed.findParents("type")) {
      if ("complaint-quality-reviewed".equals(event.get("type").asText())) {
        assertThat(event.get("actor").asText()).isEqualTo(reviewer);
        assertThat(event.at("/details/qualityScore").asInt()).isEqualTo(4);
      }
    }
  }

  @Test
  void handlerIsRefusedAtClaimAndCompletionThroughTheJavaApi() {
    String both = TestUsers.ensure(identity, "fe-java-handler", Groups.TEAM_SAFETY, Groups.QUALITY_REVIEWERS);
    String reference = awaitingReview(both);
    String taskId = Handling.task(engine, reference, ComplaintHandlingProcess.TASK_REVIEW_QUALITY).getId();

    assertThatThrownBy(() -> tasks.claim(taskId, both)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("four-eyes");
    assertThatThrownBy(() -> tasks.setAssignee(taskId, both)).hasMessageContaining("four-eyes");
    identity.setAuthentication(both, List.of(Groups.QUALITY_REVIEWERS));
    try {
      assertThatThrownBy(() -> tasks.complete(taskId, Map.of("qualityScore", 5, "innovative", false)))
          .isInstanceOf(AuthorizationException.class).hasMessageContaining("four-eyes");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    assertThat(complaints.get(reference).qualityReview()).isNull();
  }

  @Test
  void noWayRoundTheRuleForTheHandler() {
    String both = TestUsers.ensure(identity, "fe-bypass-handler", Groups.TEAM_SAFETY, Groups.QUALITY_REVIEWERS);
    String reviewer = TestUsers.ensure(identity, "fe-bypass-reviewer", Groups.QUALITY_REVIEWERS);
    String reference = awaitingReview(both);
    String taskId = Handling.task(engine, reference, ComplaintHandlingProcess.TASK_REVIEW_QUALITY).getId();

    assertThat(new FourEyesBypass(port, engine, taskId, both, reviewer,
        Map.of("qualityScore", 5, "innovative", false, "reviewComment", "Reviewed my own work.")).tryEveryWay())
        .isEmpty();

    assertThat(complaints.get(reference).qualityReview()).isNull();
    Handling.review(engine, reference, reviewer, 4);
    assertThat(complaints.get(reference).qualityReview().reviewedBy()).isEqualTo(reviewer);
  }

  @Test
  void whoeverOnlyTookTheHandlingOnAlsoCountsAsHandler() {
    String claimer = TestUsers.ensure(identity, "fe-claimer", Groups.TEAM_SAFETY, Groups.QUALITY_REVIEWERS);
    String handler = TestUsers.ensure(identity, "fe-finisher", Groups.TEAM_SAFETY);
    String reference = submitted();
    String handling = Handling.task(engine, reference, ComplaintHandlingProcess.TASK_HANDLE).getId();
    tasks.claim(handling, claimer);
    tasks.setAssignee(handling, null);
    Handling.resolve(engine, reference, handler);
    answer(reference, 5);

    assertThat(complaints.handlers(reference)).containsExactly(claimer, handler);
    String review = Handling.task(engine, reference, ComplaintHandlingProcess.TASK_REVIEW_QUALITY).getId();
    assertThatThrownBy(() -> tasks.claim(review, claimer)).hasMessageContaining("four-eyes");
  }

  @Test
  void innovationFlagNeedsAReasonAndTheScoreMustBeOneToFive() {
    String handler = TestUsers.ensure(identity, "fe-plain-handler", Groups.TEAM_SAFETY);
    String reference = awaitingReview(handler);
    String reviewer = TestUsers.ensure(identity, "fe-strict-reviewer", Groups.QUALITY_REVIEWERS);
    String taskId = Handling.task(engine, reference, ComplaintHandlingProcess.TASK_REVIEW_QUALITY).getId();
    tasks.claim(taskId, reviewer);

    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("qualityScore", 6, "innovative", true)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("qualityScore must be a whole number from 1 to 5")
        .hasMessageContaining("innovationReason is required");
    assertThat(complaints.get(reference).qualityReview()).isNull();
  }

  private String submitted() {
    String reference = Http.json(http.postJson("/api/complaints", Submissions.valid("SAFETY", "GOLD")))
        .get("reference").asText();
    Jobs.continueAfterRegistration(engine, reference);
    return reference;
  }

  private String awaitingReview(String handler) {
    String reference = submitted();
    Handling.resolve(engine, reference, handler);
    answer(reference, 5);
    return reference;
  }

  private void answer(String reference, int score) {
    String token = bean(AccessTokens.class).issue(reference, "TEST");
    surveys.answer(reference, new SurveyService.Answer(token, score, null));
    Jobs.continueAfterSurvey(engine, reference);
  }
}
