package com.redress.compensation;

import static com.redress.compensation.CompensationApprovalProcess.TASK_APPROVE;
import static com.redress.compensation.CompensationApprovalProcess.TASK_ISSUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.ComplaintStatus;
import com.redress.complaint.CustomerTier;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.FourEyesBypass;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CompensationApproval called from the handling outcome, each path on the real engine: the policy's
 * band decides who approves, the team's budget is reserved and settled, every decision recorded.
 * Each test runs in its own month so that budgets start fresh.
 */
class CompensationApprovalTest extends ApplicationTest {

  @Autowired ComplaintService complaints;
  @Autowired CompensationService compensations;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void withinTheHandlersOwnAuthorityItIsIssuedWithoutApprovalTask() {
    inMonth("2031-01");
    String reference = proposed(Category.DELAY, CustomerTier.STANDARD, "VOUCHER", "80.00", "life-own-handler");

    assertThat(approvalTask(reference)).isNull();
    runIssue(reference);
    Compensation c = compensations.latestOf(reference).orElseThrow();
    assertThat(c.status()).isEqualTo(Compensation.Status.ISSUED);
    assertThat(c.band()).isZero();
    Compensation.Issue voucher = compensations.issued(c.id()).orElseThrow();
    assertThat(voucher.kind()).isEqualTo("VOUCHER");
    assertThat(voucher.code()).matches("[A-HJ-NP-Z2-9]{20}");
    assertThat(voucher.amount()).isEqualByComparingTo("80.00");
    assertBudget(Groups.TEAM_LOGISTICS, "2031-01", "0", "80.00");
    assertThat(complaints.get(reference).status()).isEqualTo(ComplaintStatus.AWAITING_FEEDBACK);
    String auditor = TestUsers.ensure(identity, "ca-auditor", Groups.AUDITORS);
    com.fasterxml.jackson.databind.JsonNode staff = com.redress.support.Http.json(
        http.as(auditor, TestUsers.PASSWORD).get("/api/complaints/" + reference));
    assertThat(staff.at("/staff/compensation/state").asText()).isEqualTo("ISSUED");
    assertThat(staff.at("/staff/compensation/issueCode").isMissingNode() || staff.at("/staff/compensation/issueCode")
        .isNull()).as("the voucher code is the customer's").isTrue();
  }

  @Test
  void theHandlerSeesTheRecommendedRangesForTheComplaintsSeverity() {
    String reference = submitted(Category.DAMAGE, CustomerTier.STANDARD); // MEDIUM
    assertThat((String) engine.getRuntimeService().getVariable(instanceOf(reference), "recommendedRanges"))
        .contains("REFUND: 50 to 1000").contains("VOUCHER: 50 to 300").contains("REPLACEMENT: 0 to 2000")
        .contains("one approval level more");
  }

  @Test
  void oneLevelSupervisorsApproveAndTheReservationBecomesSpending() {
    inMonth("2031-02");
    String reference = proposed(Category.DAMAGE, CustomerTier.STANDARD, "REFUND", "800.00", "life-damage-handler");
    assertThat(complaints.get(reference).status()).isEqualTo(ComplaintStatus.AWAITING_APPROVAL);
    assertBudget(Groups.TEAM_LOGISTICS, "2031-02", "800.00", "0");
    Task task = approvalTask(reference);
    assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(l -> Groups.SUPERVISORS.equals(l.getGroupId()));
    assertThat(task.getDueDate()).as("2 business days").isNotNull();

    decide(reference, supervisor("ca-supervisor-1"), "APPROVE", null, null);
    runIssue(reference);

    Compensation c = compensations.latestOf(reference).orElseThrow();
    assertThat(c.status()).isEqualTo(Compensation.Status.ISSUED);
    assertThat(c.approverGroups()).containsExactly(Groups.SUPERVISORS);
    assertThat(compensations.decisions(c.id())).singleElement()
        .satisfies(d -> assertThat(d.decidedBy()).isEqualTo("ca-supervisor-1"));
    assertBudget(Groups.TEAM_LOGISTICS, "2031-02", "0", "800.00");
    assertThat(compensations.issued(c.id()).orElseThrow().code()).isEqualTo("REFUND-" + reference + "-0");
  }

  @Test
  void loweredAmountGivesTheDifferenceBackAndIsWhatTheCustomerGets() {
    inMonth("2031-03");
    String reference = proposed(Category.DAMAGE, CustomerTier.STANDARD, "REFUND", "800.00", "life-lower-handler");

    decide(reference, supervisor("ca-supervisor-2"), "LOWER", "600.00", "The vase was second-hand; 600 is fair.");
    runIssue(reference);

    Compensation c = compensations.latestOf(reference).orElseThrow();
    assertThat(c.currentAmount()).isEqualByComparingTo("600.00");
    assertThat(compensations.issued(c.id()).orElseThrow().amount()).isEqualByComparingTo("600.00");
    assertBudget(Groups.TEAM_LOGISTICS, "2031-03", "0", "600.00");
    assertThat(compensations.decisions(c.id()).get(0).reason()).contains("second-hand");

    // what the customer is told and sees: 600, with its reference
    String code = compensations.issued(c.id()).orElseThrow().code();
    assertThat(jdbc.queryForObject("SELECT body_html FROM notification_outbox WHERE complaint_reference = ?"
        + " AND kind = 'RESOLUTION'", String.class, reference)).contains("600.00 CNY").contains(code);
    String token = bean(com.redress.complaint.AccessTokens.class).issue(reference, "TEST");
    com.fasterxml.jackson.databind.JsonNode customer = com.redress.support.Http.json(
        http.get("/api/complaints/" + reference + "?token=" + token));
    assertThat(customer.at("/compensation/state").asText()).isEqualTo("ISSUED");
    assertThat(customer.at("/compensation/amount/amount").asText()).isEqualTo("600.00");
    assertThat(customer.at("/compensation/code").asText()).isEqualTo(code);
    assertThat(http.get("/complaints/" + reference + "?token=" + token, "text/html").body())
        .contains("600.00 CNY").contains(code);
    String auditor = TestUsers.ensure(identity, "ca-auditor", Groups.AUDITORS);
    com.fasterxml.jackson.databind.JsonNode staff = com.redress.support.Http.json(
        http.as(auditor, TestUsers.PASSWORD).get("/api/complaints/" + reference));
    assertThat(staff.at("/staff/compensation/proposed/amount").asText()).isEqualTo("800.00");
    assertThat(staff.at("/staff/compensation/decisions/0/decision").asText()).isEqualTo("LOWER");
    assertThat(staff.at("/staff/compensation/decisions/0/decidedBy").asText()).isEqualTo("ca-supervisor-2");
  }

  @Test
  void theAuditTimelineShowsThePolicyWithItsVersionEveryDecisionAndTheBudgetMovements() {
    inMonth("2031-09");
    String reference = proposed(Category.DAMAGE, CustomerTier.STANDARD, "REFUND", "800.00", "ca-audit-handler");
    decide(reference, supervisor("ca-supervisor-5"), "APPROVE", null, null);
    runIssue(reference);

    String auditor = TestUsers.ensure(identity, "ca-auditor", Groups.AUDITORS);
    com.fasterxml.jackson.databind.JsonNode timeline = com.redress.support.Http.json(
        http.as(auditor, TestUsers.PASSWORD).get("/api/audit/complaints/" + reference + "/timeline"));
    List<com.fasterxml.jackson.databind.JsonNode> events = new java.util.ArrayList<>();
    timeline.forEach(events::add);
    assertThat(events).anySatisfy(e -> {
      assertThat(e.get("type").asText()).isEqualTo("rule-decision");
      assertThat(e.at("/details/decisionKey").asText()).isEqualTo(CompensationApprovalProcess.DECISION_POLICY);
      assertThat(e.at("/details/decisionVersion").asInt()).isPositive();
      assertThat(e.at("/details/inputs").toString()).contains("Amount counted").contains("800");
      assertThat(e.at("/details/outputs/bandName").asText()).isEqualTo("SUPERVISOR");
    });
    assertThat(events).anySatisfy(e -> {
      assertThat(e.get("type").asText()).isEqualTo("compensation-budget-reserved");
      assertThat(e.at("/details/reserved").asText()).isEqualTo("800.00");
    });
    assertThat(events).anySatisfy(e -> {
      assertThat(e.get("type").asText()).isEqualTo("compensation-decision");
      assertThat(e.get("actor").asText()).isEqualTo("ca-supervisor-5");
    });
    assertThat(events).filteredOn(e -> e.get("type").asText().equals("compensation-issued")).singleElement()
        .satisfies(e -> assertThat(e.at("/details/budgetSpent").asText()).isEqualTo("800.00"));
  }

  @Test
  void rejectedReleasesTheReservationAndTheComplaintGoesOnWithoutCompensation() {
    inMonth("2031-04");
    String reference = proposed(Category.DAMAGE, CustomerTier.STANDARD, "REFUND", "800.00", "life-reject-handler");

    decide(reference, supervisor("ca-supervisor-3"), "REJECT", null, "Damage was there before our visit (photos).");

    Compensation c = compensations.latestOf(reference).orElseThrow();
    assertThat(c.status()).isEqualTo(Compensation.Status.REJECTED);
    assertThat(compensations.issued(c.id())).isEmpty();
    assertBudget(Groups.TEAM_LOGISTICS, "2031-04", "0", "0");
    assertThat(complaints.get(reference).status()).isEqualTo(ComplaintStatus.AWAITING_FEEDBACK);
    assertThat(engine.getRuntimeService().getVariable(instanceOf(reference), "compensationOutcome"))
        .isEqualTo("REJECTED");
  }

  @Test
  void anApprovalOverdueAfterTwoBusinessDaysGoesToTheNextLevelToo() {
    inMonth("2031-10"); // Wednesday 15 October 2031, 10:00
    String reference = proposed(Category.DAMAGE, CustomerTier.STANDARD, "REFUND", "800.00", "ca-slow-handler");
    Task task = approvalTask(reference);
    assertThat(task.getDueDate().toInstant()).as("two working days of 9 hours later")
        .isEqualTo(OffsetDateTime.parse("2031-10-17T10:00:00+08:00").toInstant());
    String called = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(CompensationApprovalProcess.KEY).singleResult().getId();
    Job overdue = engine.getManagementService().createJobQuery().processInstanceId(called)
        .activityId(CompensationApprovalProcess.TIMER_APPROVAL_OVERDUE).singleResult();
    assertThat(overdue.getDuedate()).isEqualTo(task.getDueDate());

    ClockUtil.setCurrentTime(overdue.getDuedate());
    engine.getManagementService().executeJob(overdue.getId());

    Task escalated = approvalTask(reference);
    assertThat(escalated.getId()).isEqualTo(task.getId());
    assertThat(escalated.getPriority()).isEqualTo(EscalateApprovalDelegate.OVERDUE_PRIORITY);
    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
        .contains(Groups.SUPERVISORS, Groups.SERVICE_MANAGERS);
    decide(reference, TestUsers.ensure(identity, "ca-manager-3", Groups.SERVICE_MANAGERS), "APPROVE", null, null);
    assertThat(compensations.latestOf(reference).orElseThrow().status()).isEqualTo(Compensation.Status.APPROVED);
  }

  @Test
  void twoLevelsServiceManagersThenFinanceCoSign() {
    inMonth("2031-05");
    String reference = proposed(Category.SAFETY, CustomerTier.GOLD, "REFUND", "25000.00", "life-big-handler");

    String manager = TestUsers.ensure(identity, "ca-manager", Groups.SERVICE_MANAGERS);
    assertThat(tasks.getIdentityLinksForTask(approvalTask(reference).getId()))
        .anyMatch(l -> Groups.SERVICE_MANAGERS.equals(l.getGroupId()));
    decide(reference, manager, "APPROVE", null, null);
    Task second = approvalTask(reference);
    assertThat(tasks.getIdentityLinksForTask(second.getId())).anyMatch(l -> Groups.FINANCE.equals(l.getGroupId()));
    // finance sees the customer as the complaint's reference: the approval holds no name (docs/security.md §3)
    assertThat(engine.getRuntimeService().getVariables(second.getProcessInstanceId()))
        .containsKey("complaintReference").doesNotContainKey("customerName");
    decide(reference, TestUsers.ensure(identity, "ca-finance", Groups.FINANCE), "APPROVE", null, null);
    runIssue(reference);

    Compensation c = compensations.latestOf(reference).orElseThrow();
    assertThat(c.bandName()).isEqualTo("SERVICE_MANAGER_AND_FINANCE");
    assertThat(compensations.decisions(c.id())).extracting(Compensation.Decision::approverGroup)
        .containsExactly(Groups.SERVICE_MANAGERS, Groups.FINANCE);
    assertThat(c.status()).isEqualTo(Compensation.Status.ISSUED);
  }

  @Test
  void whenTheBudgetCannotHoldItNothingIsReservedAndFinanceApprovesToo() {
    inMonth("2031-06");
    compensations.setMonthlyBudget(Groups.TEAM_LOGISTICS, YearMonth.of(2031, 6), new BigDecimal("500.00"), "CNY");
    String reference = proposed(Category.DAMAGE, CustomerTier.STANDARD, "REFUND", "800.00", "life-over-handler");

    Compensation c = compensations.latestOf(reference).orElseThrow();
    assertThat(c.overBudget()).isTrue();
    assertThat(c.approverGroups()).containsExactly(Groups.SUPERVISORS, Groups.FINANCE);
    assertBudget(Groups.TEAM_LOGISTICS, "2031-06", "0", "0");
    decide(reference, supervisor("ca-supervisor-4"), "APPROVE", null, null);
    decide(reference, TestUsers.ensure(identity, "ca-finance-2", Groups.FINANCE), "APPROVE", null, null);
    runIssue(reference);
    assertBudget(Groups.TEAM_LOGISTICS, "2031-06", "0", "800.00");
  }

  @Test
  void theProposerAndAnEarlierApproverAreRefusedThroughTheJavaApi() {
    inMonth("2031-07");
    String both = TestUsers.ensure(identity, "ca-handler-supervisor", Groups.TEAM_LOGISTICS, Groups.SUPERVISORS);
    String reference = proposed(Category.DAMAGE, CustomerTier.STANDARD, "REFUND", "800.00", both);
    String taskId = approvalTask(reference).getId();

    assertThatThrownBy(() -> tasks.claim(taskId, both)).hasMessageContaining("proposed compensation")
        .hasMessageContaining("four-eyes");
    identity.setAuthentication(both, List.of(Groups.SUPERVISORS));
    try {
      assertThatThrownBy(() -> tasks.complete(taskId, Map.of("approvalDecision", "APPROVE")))
          .isInstanceOf(AuthorizationException.class).hasMessageContaining("four-eyes");
    } finally {
      identity.clearAuthentication();
    }

    String managerAndFinance = TestUsers.ensure(identity, "ca-manager-finance", Groups.SERVICE_MANAGERS,
        Groups.FINANCE);
    String big = proposed(Category.SAFETY, CustomerTier.GOLD, "REFUND", "30000.00", "life-big-handler-2");
    decide(big, managerAndFinance, "APPROVE", null, null);
    String financeTask = approvalTask(big).getId();
    assertThatThrownBy(() -> tasks.claim(financeTask, managerAndFinance)).hasMessageContaining("already approved")
        .hasMessageContaining("four-eyes");
    assertThat(compensations.decisions(compensations.latestOf(big).orElseThrow().id())).hasSize(1);
  }

  @Test
  void noWayRoundTheRuleForTheProposer() {
    inMonth("2031-07");
    String both = TestUsers.ensure(identity, "ca-bypass-proposer", Groups.TEAM_LOGISTICS, Groups.SUPERVISORS);
    String colleague = supervisor("ca-bypass-supervisor");
    String reference = proposed(Category.DAMAGE, CustomerTier.STANDARD, "REFUND", "800.00", both);
    String taskId = approvalTask(reference).getId();

    assertThat(new FourEyesBypass(port, engine, taskId, both, colleague,
        Map.of("approvalDecision", "APPROVE", "decisionReason", "Looks right to me.")).tryEveryWay()).isEmpty();

    String id = compensations.latestOf(reference).orElseThrow().id();
    assertThat(compensations.decisions(id)).isEmpty();
    decide(reference, colleague, "APPROVE", null, null);
    assertThat(compensations.decisions(id)).singleElement()
        .satisfies(decision -> assertThat(decision.decidedBy()).isEqualTo(colleague));
  }

  @Test
  void badAmountsAreRefusedAtTheHandlingFormAndNothingIsReserved() {
    inMonth("2031-08");
    String reference = submitted(Category.DAMAGE, CustomerTier.STANDARD);
    String handler = TestUsers.ensure(identity, "ca-bad-handler", Groups.TEAM_LOGISTICS);
    String taskId = handlingTask(reference).getId();
    tasks.claim(taskId, handler);
    for (String[] bad : new String[][] {
        {"-5.00", "CNY", "must not be negative"}, {"800.005", "CNY", "at most 2 decimal places"},
        {"800.00", "EUR", "must be CNY"}, {"1000000.01", "CNY", "at most 1000000"}, {"0", "CNY", "more than 0"}}) {
      assertThatThrownBy(() -> tasks.complete(taskId, outcome("REFUND", bad[0], bad[1])))
          .as(bad[0] + " " + bad[1]).isInstanceOf(FormFieldValidationException.class).hasMessageContaining(bad[2]);
    }
    assertThat(compensations.latestOf(reference)).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM compensation_budget WHERE budget_month = '2031-08'",
        Integer.class)).isZero();
  }

  @Test
  void variablesSentWithACompletionChangeNeitherTheStepNorTheAmountNorThePolicysInputs() {
    inMonth("2031-11");
    // DAMAGE from a STANDARD customer is MEDIUM: a 4 000 replacement is above its range, band 3
    String reference = submitted(Category.DAMAGE, CustomerTier.STANDARD);
    String handler = TestUsers.ensure(identity, "ca-tamper-handler", Groups.TEAM_LOGISTICS);
    String taskId = handlingTask(reference).getId();
    tasks.claim(taskId, handler);
    Map<String, Object> tampered = outcome("REPLACEMENT", "4000.00", "CNY");
    tampered.put("severity", "CRITICAL");
    tampered.put("customerTier", "PLATINUM");
    tasks.complete(taskId, tampered);
    execute(reference, ComplaintHandlingProcess.TASK_HANDLE);
    Compensation c = compensations.latestOf(reference).orElseThrow();
    assertThat(c.bandName()).as("decided on the stored complaint").isEqualTo("SERVICE_MANAGER_AND_FINANCE");

    String manager = TestUsers.ensure(identity, "ca-tamper-manager", Groups.SERVICE_MANAGERS);
    Task first = approvalTask(reference);
    tasks.claim(first.getId(), manager);
    Map<String, Object> skip = new HashMap<>(Map.of("approvalDecision", "LOWER", "loweredAmount", "3000.00",
        "decisionReason", "A refurbished replacement is enough.", "approvalStep", 1, "currentAmount", "9000.00",
        "approverGroup", "finance"));
    tasks.complete(first.getId(), skip);

    Task second = approvalTask(reference);
    assertThat(second).as("finance still has to co-sign").isNotNull();
    assertThat(tasks.getIdentityLinksForTask(second.getId())).anyMatch(l -> Groups.FINANCE.equals(l.getGroupId()));
    assertThat(compensations.decisions(c.id())).singleElement()
        .satisfies(d -> assertThat(d.approverGroup()).isEqualTo(Groups.SERVICE_MANAGERS));
    String finance = TestUsers.ensure(identity, "ca-tamper-finance", Groups.FINANCE);
    tasks.claim(second.getId(), finance);
    assertThatThrownBy(() -> tasks.complete(second.getId(), new HashMap<>(Map.of("approvalDecision", "LOWER",
        "loweredAmount", "3500.00", "decisionReason", "Raising it back, pretending it was 9000.",
        "currentAmount", "9000.00"))))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("below the current 3000.00");
    assertThat(compensations.get(c.id()).currentAmount()).isEqualByComparingTo("3000.00");
  }

  @Test
  void overdueEscalationDoesNotHandAStepToAGroupThatSignsLaterAndFreesTheTask() {
    inMonth("2031-12");
    String reference = proposed(Category.SAFETY, CustomerTier.GOLD, "REFUND", "25000.00", "ca-esc-handler");
    String manager = TestUsers.ensure(identity, "ca-esc-manager", Groups.SERVICE_MANAGERS);
    Task task = approvalTask(reference);
    tasks.claim(task.getId(), manager);
    String called = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(CompensationApprovalProcess.KEY).singleResult().getId();
    Job overdue = engine.getManagementService().createJobQuery().processInstanceId(called)
        .activityId(CompensationApprovalProcess.TIMER_APPROVAL_OVERDUE).singleResult();
    ClockUtil.setCurrentTime(overdue.getDuedate());
    engine.getManagementService().executeJob(overdue.getId());

    Task escalated = approvalTask(reference);
    assertThat(escalated.getAssignee()).as("free for anyone of the groups").isNull();
    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
        .doesNotContain(Groups.FINANCE);
  }

  @Test
  void cancellingTheComplaintsProcessGivesTheReservationBack() {
    inMonth("2032-03");
    String reference = proposed(Category.DAMAGE, CustomerTier.STANDARD, "REFUND", "800.00", "ca-cancel-handler");
    assertBudget(Groups.TEAM_LOGISTICS, "2032-03", "800.00", "0");

    engine.getRuntimeService().deleteProcessInstance(instanceOf(reference), "opened by mistake");

    assertBudget(Groups.TEAM_LOGISTICS, "2032-03", "0", "0");
    assertThat(compensations.latestOf(reference).orElseThrow().status()).isEqualTo(Compensation.Status.CANCELLED);
  }

  @Test
  void proposalsStillBeingApprovedForTheSameCustomerCountTowardsTheBand() {
    inMonth("2032-04");
    String customer = "C-SPLIT-" + System.nanoTime();
    String first = proposedFor(customer, "ORD-SPLIT-1", "REFUND", "150.00");
    String second = proposedFor(customer, "ORD-SPLIT-2", "REFUND", "150.00");

    assertThat(compensations.latestOf(first).orElseThrow().band()).isZero();
    assertThat(compensations.latestOf(second).orElseThrow().band()).as("150 + 150 pending").isEqualTo(1);
  }

  // --- driving

  private String proposedFor(String customer, String order, String type, String amount) {
    String reference = complaints.submit(Complaints.of(customer, order, Category.DAMAGE, CustomerTier.STANDARD,
        "Split"), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    String user = TestUsers.ensure(identity, "ca-split-handler", Groups.TEAM_LOGISTICS);
    String taskId = handlingTask(reference).getId();
    tasks.claim(taskId, user);
    tasks.complete(taskId, outcome(type, amount, "CNY"));
    execute(reference, ComplaintHandlingProcess.TASK_HANDLE);
    return reference;
  }

  /** A complaint handled with a proposal, its save point run: the approval starts. */
  private String proposed(Category category, CustomerTier tier, String type, String amount, String handler) {
    String reference = submitted(category, tier);
    String user = TestUsers.ensure(identity, handler, teamOf(reference));
    String taskId = handlingTask(reference).getId();
    tasks.claim(taskId, user);
    identity.setAuthentication(user, List.of());
    try {
      tasks.complete(taskId, outcome(type, amount, "CNY"));
    } finally {
      identity.clearAuthentication();
    }
    execute(reference, ComplaintHandlingProcess.TASK_HANDLE);
    return reference;
  }

  private String submitted(Category category, CustomerTier tier) {
    String reference = complaints.submit(Complaints.of(category, tier), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    return reference;
  }

  private String teamOf(String reference) {
    return complaints.get(reference).classification().handlerGroup();
  }

  private static Map<String, Object> outcome(String type, String amount, String currency) {
    Map<String, Object> values = new HashMap<>(Map.of("rootCause", "STAFF_ERROR",
        "resolution", "Replaced the broken item and apologised.", "serviceFailureAcknowledged", true,
        "compensationType", type, "compensationAmount", amount, "compensationCurrency", currency,
        "compensationReason", "Our cleaner broke it; the customer should not pay."));
    return values;
  }

  private void decide(String reference, String user, String decision, String lowered, String reason) {
    Task task = approvalTask(reference);
    tasks.claim(task.getId(), user);
    Map<String, Object> values = new HashMap<>();
    values.put("approvalDecision", decision);
    values.put("loweredAmount", lowered);
    values.put("decisionReason", reason);
    identity.setAuthentication(user, List.of());
    try {
      tasks.complete(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  private String supervisor(String user) {
    return TestUsers.ensure(identity, user, Groups.SUPERVISORS);
  }

  private Task approvalTask(String reference) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(TASK_APPROVE)
        .singleResult();
  }

  private Task handlingTask(String reference) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE).singleResult();
  }

  private String instanceOf(String reference) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId();
  }

  /** Runs the issue step of the complaint's compensation approval. */
  private void runIssue(String reference) {
    String called = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(CompensationApprovalProcess.KEY).singleResult().getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(called).activityId(TASK_ISSUE)
        .singleResult();
    engine.getManagementService().executeJob(job.getId());
  }

  private void execute(String reference, String activity) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instanceOf(reference))
        .activityId(activity).singleResult();
    engine.getManagementService().executeJob(job.getId());
  }

  private void assertBudget(String team, String month, String reserved, String spent) {
    CompensationService.BudgetView budget = compensations.budget(team, YearMonth.parse(month));
    assertThat(budget.reserved().amount()).as("reserved").isEqualByComparingTo(reserved);
    assertThat(budget.spent().amount()).as("spent").isEqualByComparingTo(spent);
  }

  private static void inMonth(String month) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(month + "-15T10:00:00+08:00").toInstant()));
  }
}
