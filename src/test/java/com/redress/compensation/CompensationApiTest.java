package com.redress.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.Submissions;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Compensation over REST: a handler proposes and approvers decide through engine REST (the calls
 * Tasklist makes), finance sets a budget and reads the report through /api.
 */
class CompensationApiTest extends ApplicationTest {

  private static final String PROPOSAL = """
      {"variables": {"rootCause": {"value": "STAFF_ERROR"}, "resolution": {"value": "Replaced the vase."},
        "serviceFailureAcknowledged": {"value": true}, "compensationType": {"value": "REFUND"},
        "compensationAmount": {"value": "%s"}, "compensationCurrency": {"value": "%s"},
        "compensationReason": {"value": "The cleaner broke it; we pay it back."}}}""";

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void proposerAndEarlierApproverAreRefusedOverEngineRestAndBadAmountsAnswer400() {
    inMonth("2032-01");
    String handler = TestUsers.ensure(engine.getIdentityService(), "api-handler-supervisor", Groups.TEAM_LOGISTICS,
        Groups.SUPERVISORS);
    Http asHandler = http.as(handler, TestUsers.PASSWORD);
    String reference = submitted();
    String handling = claim(asHandler, handler, reference, ComplaintHandlingProcess.TASK_HANDLE);

    for (String[] bad : new String[][] {{"-1.00", "CNY"}, {"800.123", "CNY"}, {"800.00", "USD"}, {"2000000.00", "CNY"}}) {
      HttpResponse<String> refused = asHandler.postJson("/engine-rest/task/" + handling + "/submit-form",
          PROPOSAL.formatted(bad[0], bad[1]));
      assertThat(refused.statusCode()).as(bad[0] + " " + bad[1]).isEqualTo(400);
      assertThat(Http.json(refused).get("message").asText()).contains("compensation");
    }
    assertThat(bean(CompensationService.class).latestOf(reference)).as("nothing proposed, nothing reserved").isEmpty();

    assertThat(asHandler.postJson("/engine-rest/task/" + handling + "/submit-form", PROPOSAL.formatted("800.00", "CNY"))
        .statusCode()).isEqualTo(204);
    Jobs.continueAfter(engine, reference, ComplaintHandlingProcess.TASK_HANDLE);

    String approval = taskId(asHandler, reference, CompensationApprovalProcess.TASK_APPROVE);
    HttpResponse<String> ownClaim = asHandler.postJson("/engine-rest/task/" + approval + "/claim",
        "{\"userId\": \"" + handler + "\"}");
    assertThat(ownClaim.statusCode()).isEqualTo(403);
    assertThat(Http.json(ownClaim).get("message").asText()).contains("proposed compensation").contains("four-eyes");
    HttpResponse<String> ownSubmit = asHandler.postJson("/engine-rest/task/" + approval + "/submit-form",
        "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}");
    assertThat(ownSubmit.statusCode()).isEqualTo(403);
    assertThat(Http.json(ownSubmit).get("message").asText()).contains("four-eyes");

    String other = TestUsers.ensure(engine.getIdentityService(), "api-supervisor", Groups.SUPERVISORS);
    Http asOther = http.as(other, TestUsers.PASSWORD);
    claim(asOther, other, reference, CompensationApprovalProcess.TASK_APPROVE);
    HttpResponse<String> raised = asOther.postJson("/engine-rest/task/" + approval + "/submit-form", """
        {"variables": {"approvalDecision": {"value": "LOWER"}, "loweredAmount": {"value": "900.00"},
          "decisionReason": {"value": "Trying to raise it."}}}""");
    assertThat(raised.statusCode()).isEqualTo(400);
    assertThat(Http.json(raised).get("message").asText()).contains("never raise");
    HttpResponse<String> lowered = asOther.postJson("/engine-rest/task/" + approval + "/submit-form", """
        {"variables": {"approvalDecision": {"value": "LOWER"}, "loweredAmount": {"value": "600.00"},
          "decisionReason": {"value": "Second-hand vase, 600 is fair."}}}""");
    assertThat(lowered.statusCode()).as(lowered.body()).isEqualTo(204);
    assertThat(bean(CompensationService.class).latestOf(reference).orElseThrow().currentAmount())
        .isEqualByComparingTo("600.00");
  }

  @Test
  void financeSetsAMonthsBudgetAndReadsTheReport() {
    inMonth("2032-02");
    String finance = TestUsers.ensure(engine.getIdentityService(), "api-finance", Groups.FINANCE);
    Http asFinance = http.as(finance, TestUsers.PASSWORD);

    HttpResponse<String> set = asFinance.put("/api/compensation/budgets/team-logistics/2032-02",
        "{\"amount\": {\"amount\": \"1000.00\", \"currency\": \"CNY\"}}");
    HttpResponse<String> wrongCurrency = asFinance.put("/api/compensation/budgets/team-logistics/2032-02",
        "{\"amount\": {\"amount\": \"1000.00\", \"currency\": \"EUR\"}}");
    HttpResponse<String> badMonth = asFinance.put("/api/compensation/budgets/team-logistics/February",
        "{\"amount\": {\"amount\": \"1000.00\", \"currency\": \"CNY\"}}");
    String handler = TestUsers.ensure(engine.getIdentityService(), "api-handler-2", Groups.TEAM_LOGISTICS);
    HttpResponse<String> notFinance = http.as(handler, TestUsers.PASSWORD).put(
        "/api/compensation/budgets/team-logistics/2032-02",
        "{\"amount\": {\"amount\": \"9999999.00\", \"currency\": \"CNY\"}}");

    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(Http.json(set).at("/left/amount").asText()).isEqualTo("1000.00");
    assertThat(wrongCurrency.statusCode()).isEqualTo(400);
    assertThat(Http.json(wrongCurrency).at("/errors/0/field").asText()).isEqualTo("currency");
    assertThat(badMonth.statusCode()).isEqualTo(400);
    assertThat(notFinance.statusCode()).isEqualTo(403);
    // an exponent would make a billion-digit number when scaled to cents: refused before that
    HttpResponse<String> huge = asFinance.withTimeout(java.time.Duration.ofSeconds(20)).put(
        "/api/compensation/budgets/team-logistics/2032-02", "{\"amount\": {\"amount\": 1e999999999, \"currency\": \"CNY\"}}");
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(Http.json(huge).at("/errors/0/field").asText()).isEqualTo("amount");

    String reference = submitted();
    Http asHandler = http.as(handler, TestUsers.PASSWORD);
    String handling = claim(asHandler, handler, reference, ComplaintHandlingProcess.TASK_HANDLE);
    asHandler.postJson("/engine-rest/task/" + handling + "/submit-form", PROPOSAL.formatted("800.00", "CNY"));
    Jobs.continueAfter(engine, reference, ComplaintHandlingProcess.TASK_HANDLE);

    JsonNode report = Http.json(asFinance.get("/api/reports/compensation?from=2032-02&to=2032-02"));
    JsonNode logistics = report.get("teams").get(0);
    assertThat(logistics.get("team").asText()).isEqualTo(Groups.TEAM_LOGISTICS);
    assertThat(logistics.at("/budget/amount").asText()).isEqualTo("1000.00");
    assertThat(logistics.at("/reserved/amount").asText()).isEqualTo("800.00");
    assertThat(logistics.at("/left/amount").asText()).isEqualTo("200.00");
    assertThat(logistics.at("/byType/0/type").asText()).isEqualTo("REFUND");
    assertThat(logistics.at("/byType/0/proposals").asInt()).isEqualTo(1);
    assertThat(asFinance.get("/api/reports/compensation?from=2032-03&to=2032-02").statusCode()).isEqualTo(400);
    assertThat(http.as(handler, TestUsers.PASSWORD).get("/api/reports/compensation?from=2032-02&to=2032-02")
        .statusCode()).isEqualTo(403);
  }

  private String submitted() {
    String reference = Http.json(http.postJson("/api/complaints", Submissions.valid("DAMAGE", "STANDARD")))
        .get("reference").asText();
    Jobs.continueAfterRegistration(engine, reference);
    return reference;
  }

  private String taskId(Http as, String reference, String key) {
    JsonNode tasks = Http.json(as.get("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + reference
        + "&taskDefinitionKey=" + key));
    assertThat(tasks).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private String claim(Http as, String user, String reference, String key) {
    String id = taskId(as, reference, key);
    assertThat(as.postJson("/engine-rest/task/" + id + "/claim", "{\"userId\": \"" + user + "\"}").statusCode())
        .isEqualTo(204);
    return id;
  }

  private static void inMonth(String month) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(month + "-10T10:00:00+08:00").toInstant()));
  }
}
