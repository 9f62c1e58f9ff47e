package com.redress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.TasklistSession;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A handler completing their task through Tasklist or engine REST can set the fields their form
 * lets them edit, and nothing else: not the complaint the process belongs to, not a read-only
 * field, not an object or over-long text. Refusals are 400 naming the variable; the task stays open.
 */
class TaskInputGuardTest extends ApplicationTest {

  private static final String OUTCOME = "\"rootCause\": {\"value\": \"STAFF_ERROR\"}, \"resolution\": {\"value\":"
      + " \"Replaced the vase and apologised.\"}, \"serviceFailureAcknowledged\": {\"value\": true},"
      + " \"compensationType\": {\"value\": \"NONE\"}";

  @Autowired ComplaintService complaints;

  @Test
  void onlyTheFormsEditableFieldsCanBeSent() {
    String handler = TestUsers.ensure(engine.getIdentityService(), "guard-handler", Groups.TEAM_LOGISTICS);
    String reference = complaints.submit(Complaints.of(Category.DAMAGE, CustomerTier.STANDARD), null, null).reference();
    String other = complaints.submit(Complaints.of(Category.DAMAGE, CustomerTier.STANDARD), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    String taskId = Handling.task(engine, reference, ComplaintHandlingProcess.TASK_HANDLE).getId();
    Http asHandler = http.as(handler, TestUsers.PASSWORD);
    asHandler.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + handler + "\"}");

    refused(asHandler.postJson("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\": {" + OUTCOME
        + ", \"complaintReference\": {\"value\": \"" + other + "\"}}}"), "variables.complaintReference is read-only");
    refused(asHandler.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\": {" + OUTCOME
        + ", \"handlerGroup\": {\"value\": \"team-billing\"}}}"), "variables.handlerGroup is not a field");
    refused(asHandler.postJson("/engine-rest/task/" + taskId + "/variables",
        "{\"modifications\": {\"category\": {\"value\": \"SAFETY\"}}}"), "variables.category is read-only");
    refused(asHandler.postJson("/engine-rest/task/" + taskId + "/localVariables", "{\"modifications\": {"
        + "\"resolution\": {\"value\": \"{}\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\":"
        + " \"java.util.HashMap\", \"serializationDataFormat\": \"application/json\"}}}}"),
        "variables.resolution must be text");
    // one variable at a time is not among the calls Tasklist makes (EngineRestAllowList)
    assertThat(asHandler.put("/engine-rest/task/" + taskId + "/localVariables/resolution",
        "{\"value\": \"x\"}").statusCode()).isEqualTo(403);
    refused(asHandler.postJson("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\": {"
        + OUTCOME.replace("Replaced the vase and apologised.", "x".repeat(4001)) + "}}"),
        "variables.resolution is longer than 4000 characters");
    refused(TasklistSession.signIn(port, handler, TestUsers.PASSWORD).post("/task/" + taskId + "/submit-form",
        "{\"variables\": {" + OUTCOME + ", \"complaintReference\": {\"value\": \"" + other + "\"}}}"),
        "variables.complaintReference is read-only");
    assertThat(engine.getRuntimeService().getVariable(
        Handling.task(engine, reference, ComplaintHandlingProcess.TASK_HANDLE).getProcessInstanceId(),
        "complaintReference")).isEqualTo(reference);

    // Tasklist sends read-only fields back as they are: that is fine
    HttpResponse<String> done = asHandler.postJson("/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\": {" + OUTCOME + ", \"complaintReference\": {\"value\": \"" + reference + "\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  private void refused(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(Http.json(response).get("message").asText()).contains(message);
  }
}
