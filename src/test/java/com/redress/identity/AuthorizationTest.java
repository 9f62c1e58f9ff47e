package com.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Authorizations are on: each group works only its own tasks, auditors read and change nothing. */
class AuthorizationTest extends ApplicationTest {

  @Autowired ComplaintService complaints;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;

  private String safetyTaskId;
  private String reference;

  @BeforeEach
  void safetyComplaint() {
    TestUsers.ensure(identity, "auth-billing", Groups.TEAM_BILLING);
    TestUsers.ensure(identity, "auth-safety", Groups.TEAM_SAFETY);
    TestUsers.ensure(identity, "auth-auditor", Groups.AUDITORS);
    reference = complaints.submit(Complaints.of(Category.SAFETY, CustomerTier.STANDARD), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    safetyTaskId = tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE).singleResult().getId();
  }

  @Test
  void engineRestRefusesAnonymousAndWrongCredentials() {
    assertThat(http.get("/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
    assertThat(http.as("auth-nobody", "guess").get("/engine-rest/task").statusCode()).isEqualTo(401);
  }

  @Test
  void intakeAgentsStartComplaintsOnlyAtTheStartEvent() {
    String agent = TestUsers.ensure(identity, "auth-intake", Groups.INTAKE_AGENTS);
    long before = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("AUTH-SKIPPED-INTAKE")
        .processDefinitionKey(ComplaintHandlingProcess.KEY).count();

    // straight onto team-billing's handling task, past registration, validation and classification
    HttpResponse<String> skipped = http.as(agent, TestUsers.PASSWORD).postJson(
        "/engine-rest/process-definition/key/" + ComplaintHandlingProcess.KEY + "/start", """
        {"businessKey": "AUTH-SKIPPED-INTAKE", "skipCustomListeners": true,
         "variables": {"handlerGroup": {"value": "team-billing"}},
         "startInstructions": [{"type": "startBeforeActivity", "activityId": "%s"}]}"""
            .formatted(ComplaintHandlingProcess.TASK_HANDLE));

    assertThat(skipped.statusCode()).isEqualTo(403);
    // engine REST starts nothing but the start form (EngineRestAllowList); StartAtActivityGuard holds behind it
    assertThat(Http.json(skipped).get("message").asText()).contains("is for Redress's own services only");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("AUTH-SKIPPED-INTAKE")
        .processDefinitionKey(ComplaintHandlingProcess.KEY).count()).isEqualTo(before).isZero();
  }

  @Test
  void anotherTeamCannotSeeClaimOrCompleteTheTaskThroughEngineRest() {
    Http billing = http.as("auth-billing", TestUsers.PASSWORD);

    assertThat(Http.json(billing.get("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + reference))).isEmpty();
    assertThat(billing.get("/engine-rest/task/" + safetyTaskId).statusCode()).isIn(403, 404);
    assertThat(billing.postJson("/engine-rest/task/" + safetyTaskId + "/claim", "{\"userId\":\"auth-billing\"}")
        .statusCode()).isEqualTo(403);
    assertThat(billing.postJson("/engine-rest/task/" + safetyTaskId + "/complete", completion()).statusCode())
        .isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(safetyTaskId).singleResult().getAssignee()).isNull();

    Http safety = http.as("auth-safety", TestUsers.PASSWORD);
    JsonNode visible = Http.json(safety.get("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + reference));
    assertThat(visible).hasSize(1);
    assertThat(safety.postJson("/engine-rest/task/" + safetyTaskId + "/claim", "{\"userId\":\"auth-safety\"}")
        .statusCode()).isEqualTo(204);
    assertThat(safety.postJson("/engine-rest/task/" + safetyTaskId + "/complete", completion()).statusCode())
        .isEqualTo(204);
  }

  @Test
  void anotherTeamCannotSeeClaimOrCompleteTheTaskThroughTheJavaApi() {
    identity.setAuthentication("auth-billing", List.of(Groups.TEAM_BILLING));
    try {
      assertThat(tasks.createTaskQuery().taskId(safetyTaskId).count()).isZero();
      assertThatThrownBy(() -> tasks.claim(safetyTaskId, "auth-billing")).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.complete(safetyTaskId, completionVariables()))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    Task task = tasks.createTaskQuery().taskId(safetyTaskId).singleResult();
    assertThat(task).isNotNull();
    assertThat(task.getAssignee()).isNull();
  }

  @Test
  void auditorsReadHistoryButCompleteNothing() {
    Http auditor = http.as("auth-auditor", TestUsers.PASSWORD);
    assertThat(auditor.postJson("/engine-rest/task/" + safetyTaskId + "/complete", completion()).statusCode())
        .isEqualTo(403);
    assertThat(auditor.postJson("/engine-rest/task/" + safetyTaskId + "/claim", "{\"userId\":\"auth-auditor\"}")
        .statusCode()).isEqualTo(403);
    assertThat(auditor.postJson("/engine-rest/process-definition/key/ComplaintHandling/start", "{}").statusCode())
        .isEqualTo(403);
    JsonNode history = Http.json(auditor.get("/engine-rest/history/process-instance?maxResults=100&processDefinitionKey="
        + ComplaintHandlingProcess.KEY + "&processInstanceBusinessKey=" + reference));
    assertThat(history).hasSize(1);
    assertThat(Http.json(auditor.get("/engine-rest/history/activity-instance?maxResults=100&processInstanceId="
        + history.get(0).get("id").asText()))).isNotEmpty();
    assertThat(Http.json(auditor.get("/engine-rest/history/decision-instance?maxResults=100&processInstanceId="
        + history.get(0).get("id").asText()))).hasSize(1);

    identity.setAuthentication("auth-auditor", List.of(Groups.AUDITORS));
    try {
      assertThatThrownBy(() -> tasks.complete(safetyTaskId, completionVariables()))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(tasks.createTaskQuery().taskId(safetyTaskId).count()).isEqualTo(1);
  }

  @Test
  void everyGroupOfTheDesignExistsWithTasklistAccess() {
    for (String group : Groups.ALL) {
      assertThat(identity.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(group)
          .resourceType(org.camunda.bpm.engine.authorization.Resources.APPLICATION).resourceId("tasklist").count())
          .as(group + " tasklist access").isEqualTo(1);
    }
  }

  private static String completion() {
    return """
        {"variables": {"rootCause": {"value": "STAFF_ERROR"},
                       "resolution": {"value": "Repaired the socket and apologised."},
                       "serviceFailureAcknowledged": {"value": true}}}""";
  }

  private static Map<String, Object> completionVariables() {
    return Map.of("rootCause", "STAFF_ERROR", "resolution", "Repaired the socket and apologised.",
        "serviceFailureAcknowledged", true);
  }
}
