package com.redress.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.Submissions;
import com.redress.support.TestUsers;
import ch.qos.logback.classic.Level;
import ch.qos.logback.core.spi.FilterReply;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Refusals a user gets as an answer are not errors of the application: each is logged once, at
 * INFO, naming the case, the user and the reason, without a stack trace, so that the ERROR lines
 * an operator watches stay the failures that need them.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExpectedRefusalsTest extends ApplicationTest {

  private static final String BAD_PROPOSAL = """
      {"variables": {"rootCause": {"value": "STAFF_ERROR"}, "resolution": {"value": "Replaced the vase."},
        "serviceFailureAcknowledged": {"value": true}, "compensationType": {"value": "REFUND"},
        "compensationAmount": {"value": "-5.00"}, "compensationCurrency": {"value": "CNY"},
        "compensationReason": {"value": "The cleaner broke it; we pay it back."}}}""";

  @Test
  void aRefusedCompletionIsOneInfoLineWithCaseUserAndReason(CapturedOutput output) {
    String handler = TestUsers.ensure(engine.getIdentityService(), "refused-handler", Groups.TEAM_LOGISTICS);
    Http asHandler = http.as(handler, TestUsers.PASSWORD);
    String reference = submitted();
    String task = taskId(asHandler, reference);
    assertThat(asHandler.postJson("/engine-rest/task/" + task + "/claim", "{\"userId\": \"" + handler + "\"}")
        .statusCode()).isEqualTo(204);
    int before = output.getAll().length();

    HttpResponse<String> refused = asHandler.postJson("/engine-rest/task/" + task + "/submit-form", BAD_PROPOSAL);

    assertThat(refused.statusCode()).isEqualTo(400);
    String logged = output.getAll().substring(before);
    assertThat(logged.lines().filter(line -> line.contains(" ERROR "))).as(logged).isEmpty();
    assertThat(logged).doesNotContain("\tat ");
    assertThat(logged.lines().filter(line -> line.contains(" INFO ") && line.contains("Refused completing")
        && line.contains(reference) && line.contains(handler) && line.contains("compensationAmount must not be negative")))
        .as(logged).hasSize(1);
  }

  /** What the engine logs of a command it ends with an exception: refusals are dropped, failures kept. */
  @Test
  void theFilterDropsTheEnginesStackTraceOfRefusalsOnly() {
    ExpectedRefusals.Filter filter = new ExpectedRefusals.Filter();
    ch.qos.logback.classic.Logger engine = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
        ExpectedRefusals.ENGINE_COMMAND_LOGGER);
    AuthorizationException denied = new AuthorizationException("refused-outsider", "TASK_WORK", "Task", "task-1");
    Exception wrapped = new ProcessEngineException("ENGINE-03051 exception in a task listener",
        new AuthorizationException("sue proposed this compensation: four-eyes"));
    Exception failure = new ProcessEngineException("ENGINE-03004 database operation failed");

    assertThat(filter.decide(null, engine, Level.ERROR, "Exception while closing command context: {}",
        new Object[] {denied.getMessage(), denied}, null)).isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, engine, Level.ERROR, "{}", new Object[] {wrapped}, null)).isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, engine, Level.ERROR, "{}", new Object[] {failure}, null))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.redress"),
        Level.ERROR, "{}", new Object[] {denied}, null)).as("only the engine's command log").isEqualTo(FilterReply.NEUTRAL);
  }

  private String submitted() {
    String reference = Http.json(http.postJson("/api/complaints", Submissions.valid("DAMAGE", "STANDARD")))
        .get("reference").asText();
    Jobs.continueAfterRegistration(engine, reference);
    return reference;
  }

  private static String taskId(Http as, String reference) {
    JsonNode tasks = Http.json(as.get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + reference
        + "&taskDefinitionKey=" + ComplaintHandlingProcess.TASK_HANDLE));
    assertThat(tasks).hasSize(1);
    return tasks.get(0).get("id").asText();
  }
}
