package com.redress.award;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.AwardRuns;
import com.redress.support.FourEyesBypass;
import com.redress.support.HandBuiltPeriod;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * EmployeeAward's start and scoring on hand-built periods: complaints closed in a month of their
 * own, with their KPI records and handlers written directly, so every figure is known.
 */
class AwardRunTest extends ApplicationTest {

  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eachComponentAndTheTotalFollowTheStatedArithmetic() {
    // anna: 4 of 5 within SLA, QA 5 4 4 3 5 (mean 4.2), CSAT 5 4 – 3 5 (4 answered, mean 4.25), 1 innovation flag
    String period = "2019-01";
    closed(period, List.of("aw-anna"), true, 5, 5, true);
    closed(period, List.of("aw-anna", "aw-carl"), true, 4, 4, false);
    closed(period, List.of("aw-anna"), true, 4, null, false);
    closed(period, List.of("aw-anna"), true, 3, 3, false);
    closed(period, List.of("aw-anna"), false, 5, 5, false);
    for (int i = 0; i < 4; i++) {
      closed(period, List.of("aw-ben"), true, 5, 5, false); // one short of the minimum of 5
    }

    JsonNode run = scored(period);

    JsonNode anna = score(run, "aw-anna");
    assertThat(anna.get("eligible").asBoolean()).isTrue();
    assertThat(anna.get("rank").asInt()).isEqualTo(1);
    assertThat(anna.get("complaints").asInt()).isEqualTo(5);
    assertThat(anna.get("withinSla").asInt()).isEqualTo(4);
    assertThat(anna.get("timeliness").decimalValue()).isEqualByComparingTo("0.8000");
    assertThat(anna.get("quality").decimalValue()).isEqualByComparingTo("4.20");
    assertThat(anna.get("answered").asInt()).isEqualTo(4);
    assertThat(anna.get("satisfaction").decimalValue()).isEqualByComparingTo("4.25");
    assertThat(anna.get("innovation").asInt()).isEqualTo(1);
    // 100 × (30 × 0.8 + 30 × (4.2 − 1)/4 + 30 × (4.25 − 1)/4 + 10 × 1/3) / 100 = 75.7083…
    assertThat(anna.get("score").decimalValue()).isEqualByComparingTo("75.71");
    assertThat(anna.get("counted")).hasSize(5);

    JsonNode ben = score(run, "aw-ben");
    assertThat(ben.get("eligible").asBoolean()).as("below the minimum volume").isFalse();
    assertThat(ben.get("rank").isNull()).isTrue();
    // 100 × (30 × 1 + 30 × 1 + 30 × 1 + 10 × 0) / 100
    assertThat(ben.get("score").decimalValue()).as("shown anyway").isEqualByComparingTo("90.00");
    assertThat(score(run, "aw-carl").get("complaints").asInt()).as("a shared complaint counts for both").isEqualTo(1);
    assertThat(run.get("complaintsCounted").asInt()).isEqualTo(9);
    assertThat(run.get("weights").asText()).isEqualTo("timeliness=30,quality=30,satisfaction=30,innovation=10");
    assertThat(run.get("status").asText()).isEqualTo("SCORED");
  }

  @Test
  void withoutAnyAnsweredSurveySatisfactionDropsOutAndTheOtherWeightsCount() {
    String period = "2019-02";
    for (int i = 0; i < 5; i++) {
      closed(period, List.of("aw-dora"), true, 4, null, false);
    }
    JsonNode dora = score(scored(period), "aw-dora");
    assertThat(dora.get("satisfaction").isNull()).isTrue();
    // 100 × (30 × 1 + 30 × 0.75 + 10 × 0) / 70 = 75.00
    assertThat(dora.get("score").decimalValue()).isEqualByComparingTo("75.00");
  }

  @Test
  void tiesGoToMoreComplaintsThenAlphabetically() {
    String period = "2019-03";
    for (String handler : List.of("aw-tie-b", "aw-tie-a")) {
      for (int i = 0; i < 5; i++) {
        closed(period, List.of(handler), true, 5, 5, false);
      }
    }
    for (int i = 0; i < 6; i++) {
      closed(period, List.of("aw-tie-c"), true, 5, 5, false);
    }
    JsonNode run = scored(period);
    assertThat(score(run, "aw-tie-c").get("rank").asInt()).isEqualTo(1);
    assertThat(score(run, "aw-tie-a").get("rank").asInt()).isEqualTo(2);
    assertThat(score(run, "aw-tie-b").get("rank").asInt()).isEqualTo(3);
    assertThat(run.get("scores").get(0).get("handler").asText()).isEqualTo("aw-tie-c");
  }

  @Test
  void nobodyEligibleEndsWithAPublishedNoAwardsResult() {
    String period = "2019-04";
    closed(period, List.of("aw-few"), true, 5, 5, false);
    JsonNode run = scored(period);
    assertThat(run.get("status").asText()).isEqualTo("NO_AWARDS");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(run.get("id").asText()).finished().singleResult().getEndActivityId())
        .isEqualTo(EmployeeAwardProcess.END_NO_AWARDS);
  }

  @Test
  void aSecondRunForAPeriodIsAConflictAndOnlyTheCommitteeMayStartOne() {
    Http committee = committee();
    assertThat(committee.postJson("/api/award-runs", "{\"period\": \"2019-05\"}").statusCode()).isEqualTo(201);

    HttpResponse<String> again = committee.postJson("/api/award-runs", "{\"period\": \"2019-05\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Http.json(again).get("detail").asText()).contains("AWARD-2019-05");
    HttpResponse<String> future = committee.postJson("/api/award-runs",
        "{\"period\": \"" + YearMonth.now().plusMonths(1) + "\"}");
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(Http.json(future).at("/errors/0/field").asText()).isEqualTo("period");
    assertThat(committee.postJson("/api/award-runs", "{\"period\": \"May\"}").statusCode()).isEqualTo(400);
    String handler = TestUsers.ensure(engine.getIdentityService(), "aw-not-committee", Groups.TEAM_BILLING);
    assertThat(http.as(handler, TestUsers.PASSWORD).postJson("/api/award-runs", "{\"period\": \"2019-06\"}")
        .statusCode()).isEqualTo(403);
  }

  @Test
  void theMonthlyTimerRunsThePreviousMonthAtTheConfiguredTimeAndLeavesARequestedRunAlone() {
    Job timer = engine.getManagementService().createJobQuery().activityId(EmployeeAwardProcess.START_MONTHLY)
        .singleResult();
    OffsetDateTime due = timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime();
    assertThat(due.getDayOfMonth()).isEqualTo(1);
    assertThat(due.getHour()).as("0 0 6 1 * ?").isEqualTo(6);
    String period = YearMonth.from(due).minusMonths(1).toString();

    ClockUtil.setCurrentTime(timer.getDuedate());
    engine.getManagementService().executeJob(timer.getId());

    ProcessInstance started = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("AWARD-" + period)
        .processDefinitionKey(EmployeeAwardProcess.KEY).singleResult();
    assertThat(started).as("run of " + period + " opened by the timer").isNotNull();
    assertThat(jdbc.queryForObject("SELECT started_by FROM award_run WHERE period = ?", String.class, period)).isNull();
    Job next = engine.getManagementService().createJobQuery().activityId(EmployeeAwardProcess.START_MONTHLY)
        .singleResult();
    assertThat(next.getDuedate()).as("next month's").isAfter(timer.getDuedate());

    // the following month's timer finds nothing to do when the committee ran that month already
    ClockUtil.setCurrentTime(next.getDuedate());
    String nextPeriod = YearMonth.from(next.getDuedate().toInstant().atZone(ZoneId.systemDefault())).minusMonths(1)
        .toString();
    assertThat(committee().postJson("/api/award-runs", "{\"period\": \"" + nextPeriod + "\"}").statusCode())
        .isEqualTo(201);
    engine.getManagementService().executeJob(next.getId());
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(EmployeeAwardProcess.KEY).finished().list())
        .filteredOn(p -> EmployeeAwardProcess.END_ALREADY_RUN.equals(p.getEndActivityId())).hasSize(1);
  }

  @Test
  void managersReviewTheNominationsOneStepAtATimeAndNeverChangeTheirOwn() {
    String period = "2019-07";
    String manager = TestUsers.ensure(engine.getIdentityService(), "aw-manager", Groups.SERVICE_MANAGERS,
        Groups.TEAM_SERVICE);
    for (int i = 0; i < 5; i++) {
      closed(period, List.of("aw-eva"), true, 5, 5, false);
      closed(period, List.of("aw-fred"), i > 0, 4, 4, false);
      closed(period, List.of(manager), true, 4, 4, false);
    }
    closed(period, List.of("aw-gina"), true, 5, 5, true); // too few to rank, innovative
    String id = scored(period).get("id").asText();
    org.camunda.bpm.engine.task.Task review = reviewTask(id);
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anyMatch(l -> Groups.SERVICE_MANAGERS.equals(l.getGroupId()));
    // the form's table and options, as JSON Tasklist reads
    assertThat(engine.getTaskService().getVariable(review.getId(), "rankingRows").toString())
        .contains("\"rank\":\"1\",\"handler\":\"aw-eva\",\"nomination\":\"score\",\"score\":\"90.00\"")
        .contains("\"rank\":\"3\",\"handler\":\"aw-fred\",\"nomination\":\"score\",\"score\":\"69.00\"")
        .contains("\"withinSla\":\"80 %\"");
    assertThat(engine.getTaskService().getVariable(review.getId(), "handlerOptions").toString())
        .contains("{\"value\":\"aw-gina\",\"label\":\"aw-gina — not ranked: 1 closed complaint\"}")
        .contains("\"label\":\"aw-eva — rank 1, nominated\"");

    // a manager cannot remove themselves, not even through engine REST
    Http asManager = http.as(manager, TestUsers.PASSWORD);
    asManager.postJson("/engine-rest/task/" + review.getId() + "/claim", "{\"userId\": \"" + manager + "\"}");
    HttpResponse<String> self = asManager.postJson("/engine-rest/task/" + review.getId() + "/submit-form", """
        {"variables": {"nominationAction": {"value": "REMOVE"}, "nominee": {"value": "%s"},
          "nominationReason": {"value": "I would rather not be nominated."}}}""".formatted(manager));
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(Http.json(self).get("message").asText()).contains("cannot remove themselves");
    HttpResponse<String> noReason = asManager.postJson("/engine-rest/task/" + review.getId() + "/submit-form", """
        {"variables": {"nominationAction": {"value": "REMOVE"}, "nominee": {"value": "aw-fred"}}}""");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(Http.json(noReason).get("message").asText()).contains("nominationReason is required");

    HttpResponse<String> forged = asManager.postJson("/engine-rest/task/" + review.getId() + "/submit-form", """
        {"variables": {"nominationAction": {"value": "REMOVE"}, "nominee": {"value": "aw-fred"},
          "nominationReason": {"value": "Two complaints of the period are under investigation."},
          "rankingRows": {"value": "[{\\"handler\\": \\"aw-manager (forged)\\"}]", "type": "Json"}}}""");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(Http.json(forged).get("message").asText())
        .contains("variables.rankingRows is not a field of this task's form");
    assertThat(asManager.postJson("/engine-rest/task/" + review.getId() + "/submit-form", """
        {"variables": {"nominationAction": {"value": "REMOVE"}, "nominee": {"value": "aw-fred"},
          "nominationReason": {"value": "Two complaints of the period are under investigation."}}}""")
        .statusCode()).isEqualTo(204);
    assertThat(engine.getTaskService().getVariable(reviewTask(id).getId(), "rankingRows").toString())
        .as("read from the database each round").doesNotContain("forged")
        .contains("\"handler\":\"aw-fred\"").contains("\"status\":\"removed by aw-manager: Two complaints");
    org.camunda.bpm.engine.task.Task again = reviewTask(id);
    engine.getTaskService().claim(again.getId(), manager);
    engine.getIdentityService().setAuthentication(manager, List.of(Groups.SERVICE_MANAGERS));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(again.getId(),
          java.util.Map.of("nominationAction", "ADD_INNOVATION", "nominee", manager,
              "nominationReason", "My own idea was the best of the month.")))
          .hasMessageContaining("cannot nominate themselves");
      engine.getTaskService().complete(again.getId(), java.util.Map.of("nominationAction", "ADD_INNOVATION",
          "nominee", "aw-gina", "nominationReason", "Set up the callback rota that cut repeat calls."));
      org.camunda.bpm.engine.task.Task last = reviewTask(id);
      engine.getTaskService().claim(last.getId(), manager);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(last.getId(),
          java.util.Map.of("nominationAction", "CONFIRM")))
          .hasMessageContaining("is nominated in this run and cannot confirm");
      engine.getTaskService().setAssignee(last.getId(), null);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String otherManager = TestUsers.ensure(engine.getIdentityService(), "aw-other-manager", Groups.SERVICE_MANAGERS);
    org.camunda.bpm.engine.task.Task last = reviewTask(id);
    engine.getTaskService().claim(last.getId(), otherManager);
    engine.getTaskService().complete(last.getId(), java.util.Map.of("nominationAction", "CONFIRM"));

    JsonNode run = Http.json(committee().get("/api/award-runs/" + id));
    assertThat(run.get("nominations").toString()).contains("\"handler\":\"aw-fred\",\"kind\":\"SCORE\"")
        .contains("\"status\":\"REMOVED\"").contains("under investigation")
        .contains("\"handler\":\"aw-gina\",\"kind\":\"INNOVATION\"");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey(EmployeeAwardProcess.TASK_APPROVE_AWARDS).count()).as("the committee's turn").isEqualTo(1);
    JsonNode timeline = Http.json(http.as(TestUsers.ensure(engine.getIdentityService(), "aw-auditor", Groups.AUDITORS),
        TestUsers.PASSWORD).get("/api/audit/complaints/" + id + "/timeline"));
    assertThat(timeline.toString()).contains("award-nomination-removed").contains("award-nomination-added")
        .contains("award-scored").contains("award-nominations-confirmed");
    // AwardTier: eva (rank 1, 90.00) is Service Star with cash and a certificate, the manager (rank 2)
    // gets cash, gina's innovation a gift; fred was removed
    assertThat(run.get("status").asText()).isEqualTo("AWARDS_PROPOSED");
    List<String> awards = new ArrayList<>();
    run.get("awards").forEach(a -> awards.add(a.get("handler").asText() + " " + a.get("award").asText() + " "
        + a.at("/cash/amount").asText()));
    assertThat(awards).containsExactlyInAnyOrder("aw-eva SERVICE_STAR 0.00", "aw-eva CASH 3000.00",
        "aw-eva HONOUR_CERTIFICATE 0.00", "aw-manager CASH 1500.00", "aw-gina GIFT 500.00");
    assertThat(run.at("/awardsTotal/amount").asText()).isEqualTo("5000.00");
    assertThat(run.at("/awardBudget/amount").asText()).isEqualTo("10000.00");
    assertThat(timeline.toString()).contains("award-tier").contains("decisionVersion").contains("award-budget-checked");
  }

  @Test
  void theCommitteeCutsAndApprovesAndANomineeOnItDecidesNothing() {
    String period = "2019-08";
    String eva = TestUsers.ensure(engine.getIdentityService(), "aw-eva-8", Groups.AWARD_COMMITTEE);
    for (int i = 0; i < 5; i++) {
      closed(period, List.of(eva), true, 5, 5, false);
      closed(period, List.of("aw-fred-8"), true, 4, 4, false);
    }
    String id = confirmed(period);
    org.camunda.bpm.engine.task.Task approval = approvalTask(id);
    assertThat(engine.getTaskService().getVariable(approval.getId(), "awardRows").toString())
        .contains("{\"handler\":\"aw-eva-8\",\"award\":\"Service Star of the Month\",\"cash\":\"\"");
    assertThat(engine.getTaskService().getVariable(approval.getId(), "awardeeOptions").toString())
        .contains("\"value\":\"aw-fred-8\"");
    assertThat(engine.getTaskService().getVariable(approval.getId(), "awardsTotal"))
        .isEqualTo("Total 4500.00 of a budget of 10000.00 CNY");

    String member = TestUsers.ensure(engine.getIdentityService(), "aw-committee", Groups.AWARD_COMMITTEE);
    assertThat(new FourEyesBypass(port, engine, approval.getId(), eva, member,
        java.util.Map.of("awardAction", "APPROVE")).tryEveryWay()).as("ways round the nominee rule").isEmpty();

    decideAwards(id, member, java.util.Map.of("awardAction", "CUT", "cutHandler", "aw-fred-8", "cutAward", "CASH",
        "awardReason", "Second place goes without cash this month: budget kept for Q4."));
    decideAwards(id, member, java.util.Map.of("awardAction", "APPROVE"));

    JsonNode run = Http.json(committee().get("/api/award-runs/" + id));
    assertThat(run.get("status").asText()).as("approved and published").isEqualTo("PUBLISHED");
    assertThat(run.at("/awardsTotal/amount").asText()).isEqualTo("3000.00");
    assertThat(run.get("awards").toString()).contains("\"status\":\"CUT\"").contains("budget kept for Q4")
        .contains("\"status\":\"APPROVED\"");
  }

  @Test
  void overBudgetTheCommitteeMustCutOrAskFinance() {
    String period = "2019-09";
    for (int i = 0; i < 5; i++) {
      closed(period, List.of("aw-eva-9"), true, 5, 5, false);
      closed(period, List.of("aw-fred-9"), true, 4, 4, false);
    }
    List<String> innovators = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      innovators.add("aw-innovator-" + i);
      closed(period, List.of("aw-innovator-" + i), true, 5, 5, true);
    }
    // 3 000 + 1 500 + 12 innovation gifts of 500 = 10 500, above the budget of 10 000
    String id = confirmed(period, innovators);
    String member = TestUsers.ensure(engine.getIdentityService(), "aw-committee", Groups.AWARD_COMMITTEE);
    org.camunda.bpm.engine.task.Task approval = approvalTask(id);
    engine.getTaskService().claim(approval.getId(), member);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(),
        java.util.Map.of("awardAction", "APPROVE"))).hasMessageContaining("more than the period's budget");

    engine.getTaskService().complete(approval.getId(), java.util.Map.of("awardAction", "ASK_FINANCE",
        "awardReason", "Twelve innovations this month deserve their gifts."));
    org.camunda.bpm.engine.task.Task excess = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey(EmployeeAwardProcess.TASK_APPROVE_EXCESS).singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(excess.getId()))
        .anyMatch(l -> Groups.FINANCE.equals(l.getGroupId()));
    String finance = TestUsers.ensure(engine.getIdentityService(), "aw-finance", Groups.FINANCE);
    engine.getTaskService().claim(excess.getId(), finance);
    engine.getTaskService().complete(excess.getId(), java.util.Map.of("excessDecision", "APPROVE",
        "excessReason", "Covered by the unused October budget."));
    decideAwards(id, member, java.util.Map.of("awardAction", "APPROVE"));

    JsonNode run = Http.json(committee().get("/api/award-runs/" + id));
    assertThat(run.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(run.at("/awardsTotal/amount").asText()).isEqualTo("10500.00");
    JsonNode timeline = Http.json(http.as(TestUsers.ensure(engine.getIdentityService(), "aw-auditor", Groups.AUDITORS),
        TestUsers.PASSWORD).get("/api/audit/complaints/" + id + "/timeline"));
    assertThat(timeline.toString()).contains("award-excess-approved").contains("award-approved");
  }

  @Test
  void publishedResultsTakeObjectionsDuringTheWindowThenBecomeFinalForPayroll() {
    String period = "2019-10";
    TestUsers.ensureWithEmail(engine.getIdentityService(), "aw-staff-mail", "aw.staff@redress.example",
        Groups.TEAM_BILLING);
    for (int i = 0; i < 5; i++) {
      closed(period, List.of("aw-eva-10"), true, 5, 5, false);
      closed(period, List.of("aw-fred-10"), true, 4, 4, false);
    }
    String id = confirmed(period);
    String member = TestUsers.ensure(engine.getIdentityService(), "aw-committee", Groups.AWARD_COMMITTEE);
    decideAwards(id, member, java.util.Map.of("awardAction", "APPROVE"));

    JsonNode run = Http.json(committee().get("/api/award-runs/" + id));
    assertThat(run.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE complaint_reference = ?"
        + " AND recipient = 'aw.staff@redress.example'", Integer.class, id)).as("every colleague told").isEqualTo(1);
    String colleague = TestUsers.ensure(engine.getIdentityService(), "aw-colleague", Groups.TEAM_SERVICE);
    Http asColleague = http.as(colleague, TestUsers.PASSWORD);
    HttpResponse<String> page = asColleague.get("/awards/" + id, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("aw-eva-10").contains("Service Star of the Month").contains("90.00")
        .contains("File objection");

    HttpResponse<String> shortReason = asColleague.postJson("/api/award-runs/" + id + "/objections",
        "{\"reason\": \"unfair\"}");
    assertThat(shortReason.statusCode()).isEqualTo(400);
    HttpResponse<String> first = asColleague.postJson("/api/award-runs/" + id + "/objections",
        "{\"reason\": \"Fred's second place ignores two escalations he caused.\"}");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    asColleague.postJson("/api/award-runs/" + id + "/objections",
        "{\"reason\": \"Eva had the easy complaints this month.\"}");
    List<org.camunda.bpm.engine.task.Task> objections = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(id).taskDefinitionKey(EmployeeAwardProcess.TASK_DECIDE_OBJECTION).list();
    assertThat(objections).hasSize(2);
    for (org.camunda.bpm.engine.task.Task objection : objections) {
      String text = (String) engine.getTaskService().getVariable(objection.getId(), "objectionText");
      engine.getTaskService().claim(objection.getId(), member);
      engine.getTaskService().complete(objection.getId(), text.contains("Fred")
          ? java.util.Map.of("objectionDecision", "UPHOLD", "cutHandler", "aw-fred-10", "cutAward", "CASH",
              "awardReason", "The escalations count; no cash for second place.")
          : java.util.Map.of("objectionDecision", "DISMISS", "awardReason", "Complaints are assigned by the rules."));
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE complaint_reference = ?"
        + " AND recipient = 'aw.staff@redress.example'", Integer.class, id)).as("told again after the change")
        .isEqualTo(2);
    Jobs.deliverMessages(engine, id);
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(EmployeeAwardProcess.KEY).singleResult().getId();

    Job window = engine.getManagementService().createJobQuery().processInstanceId(instance)
        .activityId(EmployeeAwardProcess.TIMER_WINDOW_CLOSED).singleResult();
    ClockUtil.setCurrentTime(window.getDuedate());
    assertThat(asColleague.postJson("/api/award-runs/" + id + "/objections",
        "{\"reason\": \"Too late but I still think so.\"}").statusCode()).as("the window is over").isEqualTo(409);
    engine.getManagementService().executeJob(window.getId());

    JsonNode finalRun = Http.json(committee().get("/api/award-runs/" + id));
    assertThat(finalRun.get("status").asText()).isEqualTo("FINAL");
    assertThat(finalRun.get("objections").toString()).contains("UPHELD").contains("DISMISSED");
    String finance = TestUsers.ensure(engine.getIdentityService(), "aw-payroll", Groups.FINANCE);
    HttpResponse<String> csv = http.as(finance, TestUsers.PASSWORD).get("/api/award-runs/" + id + "/payout.csv",
        "text/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("\uFEFFrun,period,employee,award,title,amount,currency")
        .contains("aw-eva-10,CASH,First place,3000.00,CNY").doesNotContain("aw-fred-10");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(EmployeeAwardProcess.KEY)
        .finished().singleResult().getEndActivityId()).isEqualTo(EmployeeAwardProcess.END_FINAL);
    JsonNode timeline = Http.json(http.as(TestUsers.ensure(engine.getIdentityService(), "aw-auditor", Groups.AUDITORS),
        TestUsers.PASSWORD).get("/api/audit/complaints/" + id + "/timeline"));
    assertThat(timeline.toString()).contains("award-published").contains("award-objection-filed")
        .contains("award-objection-decided").contains("award-republished").contains("award-final");
  }

  @Test
  void withoutObjectionsTheListIsFinalWhenTheWindowClosesAndANomineeCannotApproveOverRest() {
    String period = "2019-11";
    String nominee = TestUsers.ensure(engine.getIdentityService(), "aw-eva-11", Groups.AWARD_COMMITTEE);
    for (int i = 0; i < 5; i++) {
      closed(period, List.of(nominee), true, 5, 5, false);
    }
    String id = confirmed(period);
    String taskId = approvalTask(id).getId();
    Http asNominee = http.as(nominee, TestUsers.PASSWORD);
    HttpResponse<String> claim = asNominee.postJson("/engine-rest/task/" + taskId + "/claim",
        "{\"userId\": \"" + nominee + "\"}");
    assertThat(claim.statusCode()).isEqualTo(403);
    assertThat(Http.json(claim).get("message").asText()).contains("is a nominee of " + id);
    HttpResponse<String> submit = asNominee.postJson("/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\": {\"awardAction\": {\"value\": \"APPROVE\"}}}");
    assertThat(submit.statusCode()).isEqualTo(403);
    assertThat(Http.json(submit).get("message").asText()).contains("cannot decide on its awards");

    decideAwards(id, TestUsers.ensure(engine.getIdentityService(), "aw-committee", Groups.AWARD_COMMITTEE),
        java.util.Map.of("awardAction", "APPROVE"));
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(EmployeeAwardProcess.KEY)
        .singleResult().getId();
    Job window = engine.getManagementService().createJobQuery().processInstanceId(instance)
        .activityId(EmployeeAwardProcess.TIMER_WINDOW_CLOSED).singleResult();
    ClockUtil.setCurrentTime(window.getDuedate());
    engine.getManagementService().executeJob(window.getId());

    JsonNode run = Http.json(committee().get("/api/award-runs/" + id));
    assertThat(run.get("status").asText()).isEqualTo("FINAL");
    assertThat(run.get("objections")).isEmpty();
  }

  /** Scored, and a manager (not a nominee) confirms the ranking, adding innovation nominations first. */
  private String confirmed(String period, List<String> innovators) {
    String id = scored(period).get("id").asText();
    String manager = TestUsers.ensure(engine.getIdentityService(), "aw-confirming-manager", Groups.SERVICE_MANAGERS);
    for (String innovator : innovators) {
      reviewStep(id, manager, java.util.Map.of("nominationAction", "ADD_INNOVATION", "nominee", innovator,
          "nominationReason", "Found a better way to handle a class of complaints."));
    }
    reviewStep(id, manager, java.util.Map.of("nominationAction", "CONFIRM"));
    return id;
  }

  private String confirmed(String period) {
    return confirmed(period, List.of());
  }

  private void reviewStep(String runId, String manager, java.util.Map<String, Object> values) {
    org.camunda.bpm.engine.task.Task task = reviewTask(runId);
    engine.getTaskService().claim(task.getId(), manager);
    engine.getTaskService().complete(task.getId(), values);
  }

  private void decideAwards(String runId, String member, java.util.Map<String, Object> values) {
    org.camunda.bpm.engine.task.Task task = approvalTask(runId);
    if (task.getAssignee() == null) {
      engine.getTaskService().claim(task.getId(), member);
    }
    engine.getTaskService().complete(task.getId(), values);
  }

  private org.camunda.bpm.engine.task.Task approvalTask(String runId) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(runId)
        .taskDefinitionKey(EmployeeAwardProcess.TASK_APPROVE_AWARDS).singleResult();
  }

  private org.camunda.bpm.engine.task.Task reviewTask(String runId) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(runId)
        .taskDefinitionKey(EmployeeAwardProcess.TASK_REVIEW_NOMINATIONS).singleResult();
  }

  // --- a hand-built period

  private void closed(String period, List<String> handlers, boolean slaMet, int qa, Integer csat, boolean innovative) {
    HandBuiltPeriod.closed(jdbc, period, handlers, slaMet, qa, csat, innovative);
  }

  private Http committee() {
    return http.as(TestUsers.ensure(engine.getIdentityService(), "aw-committee", Groups.AWARD_COMMITTEE),
        TestUsers.PASSWORD);
  }

  private JsonNode scored(String period) {
    return AwardRuns.scored(committee(), engine, period);
  }

  private static JsonNode score(JsonNode run, String handler) {
    return AwardRuns.score(run, handler);
  }
}
