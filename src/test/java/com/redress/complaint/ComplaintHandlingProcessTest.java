package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** ComplaintHandling driven step by step on the real engine and database (camunda-bpm-assert). */
class ComplaintHandlingProcessTest extends ApplicationTest {

  @Autowired ComplaintService complaints;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /** Submits through the service and runs the save point after registration. */
  private ComplaintService.Submitted submit(NewComplaint complaint) {
    ComplaintService.Submitted submitted = complaints.submit(complaint, null, null);
    Jobs.continueAfterRegistration(engine, submitted.reference());
    return submitted;
  }

  private ProcessInstance instanceOf(String reference) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).processDefinitionKey(KEY)
        .singleResult();
  }

  @Test
  void classifiedComplaintWaitsForTheHandlerGroupDueAtTheResolutionSla() {
    // Friday 15:00 in Shanghai: the 8 business hours run until Monday 14:00
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.OffsetDateTime.parse("2026-11-27T15:00:00+08:00").toInstant()));
    try {
      classifiedAndDue();
    } finally {
      ClockUtil.reset();
    }
  }

  private void classifiedAndDue() {
    ComplaintService.Submitted submitted = complaints.submit(Complaints.of(Category.SAFETY, CustomerTier.GOLD), null, null);
    Assertions.assertThat(submitted.status()).as("stored and registered within the request").isEqualTo(ComplaintStatus.RECEIVED);
    assertThat(instanceOf(submitted.reference())).isWaitingAt(TASK_REGISTER); // save point after registration
    Jobs.continueAfterRegistration(engine, submitted.reference());
    ProcessInstance pi = instanceOf(submitted.reference());

    assertThat(pi).hasPassed(TASK_REGISTER, TASK_CLASSIFY, TASK_APPLY_CLASSIFICATION, TASK_ACKNOWLEDGE)
        .hasNotPassed(TASK_TRIAGE)
        .isWaitingAt(TASK_HANDLE);
    Assertions.assertThat(Jobs.messageDeliveries(engine, submitted.reference())).as("the acknowledgement, on its way")
        .hasSize(1);
    assertThat(task(TASK_HANDLE, pi)).hasCandidateGroup(Groups.TEAM_SAFETY);
    Complaint stored = complaints.get(submitted.reference());
    Assertions.assertThat(stored.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
    Assertions.assertThat(stored.classification().severity()).isEqualTo(Severity.CRITICAL);
    Assertions.assertThat(stored.classification().classifiedBy()).isEqualTo(DECISION_CLASSIFICATION);
    // CRITICAL safety: first response within 1, resolution within 8 business hours; the task is due then
    Assertions.assertThat(stored.classification().firstResponseDue().toInstant())
        .isEqualTo(java.time.OffsetDateTime.parse("2026-11-27T16:00:00+08:00").toInstant());
    Assertions.assertThat(stored.classification().resolutionDue().toInstant())
        .isEqualTo(java.time.OffsetDateTime.parse("2026-11-30T14:00:00+08:00").toInstant());
    Assertions.assertThat(task(TASK_HANDLE, pi).getDueDate().toInstant())
        .isEqualTo(stored.classification().resolutionDue().toInstant().truncatedTo(ChronoUnit.MINUTES));
  }

  /** Friday 15:00 in Shanghai; a CRITICAL safety complaint: resolution in 8 business hours, Monday 14:00. */
  private ProcessInstance criticalComplaintOnFriday() {
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.OffsetDateTime.parse("2026-11-27T15:00:00+08:00").toInstant()));
    return instanceOf(submit(Complaints.of(Category.SAFETY, CustomerTier.GOLD)).reference());
  }

  private org.camunda.bpm.engine.runtime.Job timer(ProcessInstance pi, String activity) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activity)
        .singleResult();
  }

  private static java.time.Instant shanghai(String localDateTime) {
    return java.time.OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
  }

  @Test
  void handledInTimeNeitherWarnsNorEscalatesAndRecordsTheFirstResponse() {
    try {
      ProcessInstance pi = criticalComplaintOnFriday();
      assertThat(pi).isWaitingAt(TASK_HANDLE);
      // 75 % of 8 business hours from Friday 15:00 is Monday 12:00
      Assertions.assertThat(timer(pi, TIMER_SLA_WARNING).getDuedate().toInstant()).isEqualTo(shanghai("2026-11-30T12:00:00"));
      Assertions.assertThat(timer(pi, TIMER_SLA_BREACHED).getDuedate().toInstant()).isEqualTo(shanghai("2026-11-30T14:00:00"));

      ClockUtil.setCurrentTime(java.util.Date.from(shanghai("2026-11-27T15:20:00")));
      String handler = TestUsers.ensure(identity, "sla-safety-handler", Groups.TEAM_SAFETY);
      tasks.claim(task(TASK_HANDLE, pi).getId(), handler);
      Complaint claimed = complaints.get(pi.getBusinessKey());
      Assertions.assertThat(claimed.sla().firstResponseAt().toInstant()).isEqualTo(shanghai("2026-11-27T15:20:00"));
      Assertions.assertThat(claimed.sla().firstResponseBy()).isEqualTo(handler);

      tasks.complete(task(TASK_HANDLE, pi).getId(), Map.of("rootCause", "STAFF_ERROR",
          "resolution", "Closed the socket cover and checked the wiring.", "serviceFailureAcknowledged", true));
      Assertions.assertThat(timer(pi, TIMER_SLA_WARNING)).as("timers end with the task").isNull();
      Assertions.assertThat(timer(pi, TIMER_SLA_BREACHED)).isNull();
      Complaint handled = complaints.get(pi.getBusinessKey());
      Assertions.assertThat(handled.sla().warnedAt()).isNull();
      Assertions.assertThat(handled.sla().breachedAt()).isNull();
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void atThreeQuartersOfTheSlaSupervisorsAreWarnedAndPriorityRises() {
    try {
      TestUsers.ensureWithEmail(identity, "sla-supervisor", "sla.supervisor@redress.example", Groups.SUPERVISORS);
      ProcessInstance pi = criticalComplaintOnFriday();
      ClockUtil.setCurrentTime(java.util.Date.from(shanghai("2026-11-30T12:00:00")));
      execute(timer(pi, TIMER_SLA_WARNING));

      assertThat(pi).hasPassed(TASK_WARN_SUPERVISORS).isWaitingAt(TASK_HANDLE);
      Task task = task(TASK_HANDLE, pi);
      Assertions.assertThat(task.getPriority()).isEqualTo(SlaService.WARNED_PRIORITY);
      assertThat(task).hasCandidateGroup(Groups.TEAM_SAFETY);
      Complaint warned = complaints.get(pi.getBusinessKey());
      Assertions.assertThat(warned.sla().warnedAt().toInstant()).isEqualTo(shanghai("2026-11-30T12:00:00"));
      Assertions.assertThat(warned.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
      Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE complaint_reference = ?"
          + " AND kind = 'SLA_WARNING' AND recipient = 'sla.supervisor@redress.example'", Integer.class,
          pi.getBusinessKey())).isEqualTo(1);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void atTheFullSlaTheComplaintIsEscalatedAndTheSameTaskMovesToSupervisors() {
    try {
      ProcessInstance pi = criticalComplaintOnFriday();
      String handler = TestUsers.ensure(identity, "sla-slow-handler", Groups.TEAM_SAFETY);
      tasks.claim(task(TASK_HANDLE, pi).getId(), handler);
      String taskId = task(TASK_HANDLE, pi).getId();
      ClockUtil.setCurrentTime(java.util.Date.from(shanghai("2026-11-30T14:00:00")));
      execute(timer(pi, TIMER_SLA_BREACHED));

      assertThat(pi).hasPassed(TASK_ESCALATE, END_ESCALATED).isWaitingAt(TASK_HANDLE);
      Task task = task(TASK_HANDLE, pi);
      Assertions.assertThat(task.getId()).as("the same task, its history kept").isEqualTo(taskId);
      Assertions.assertThat(task.getAssignee()).isNull();
      Assertions.assertThat(task.getPriority()).isEqualTo(SlaService.ESCALATED_PRIORITY);
      assertThat(task).hasCandidateGroup(Groups.SUPERVISORS);
      Assertions.assertThat(tasks.getIdentityLinksForTask(taskId)).noneMatch(l -> Groups.TEAM_SAFETY.equals(l.getGroupId()));
      Complaint escalated = complaints.get(pi.getBusinessKey());
      Assertions.assertThat(escalated.status()).isEqualTo(ComplaintStatus.ESCALATED);
      Assertions.assertThat(escalated.sla().breachedAt().toInstant()).isEqualTo(shanghai("2026-11-30T14:00:00"));
      Assertions.assertThat(escalated.sla().firstResponseBy()).isEqualTo(handler);

      // the handler can no longer work it; a supervisor can
      String supervisor = TestUsers.ensure(identity, "sla-escalation-supervisor", Groups.SUPERVISORS);
      identity.setAuthentication(handler, List.of(Groups.TEAM_SAFETY));
      try {
        Assertions.assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
      } finally {
        identity.clearAuthentication();
      }
      tasks.claim(taskId, supervisor);
      tasks.complete(taskId, Map.of("rootCause", "PROCESS_GAP", "resolution", "Sent an electrician the same day.",
          "serviceFailureAcknowledged", true));
      execute(job(TASK_HANDLE, pi));
      Assertions.assertThat(complaints.get(pi.getBusinessKey()).status()).isEqualTo(ComplaintStatus.AWAITING_FEEDBACK);
      Assertions.assertThat(complaints.get(pi.getBusinessKey()).outcome().resolvedBy()).isEqualTo(supervisor);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void complaintNoRuleMatchesIsTriagedByDispatchersThenHandledByTheirChoice() {
    ComplaintService.Submitted submitted = submit(Complaints.of(Category.OTHER, CustomerTier.SILVER));
    ProcessInstance pi = instanceOf(submitted.reference());

    assertThat(pi).isWaitingAt(TASK_TRIAGE);
    assertThat(task(TASK_TRIAGE, pi)).hasCandidateGroup(Groups.DISPATCHERS);
    Assertions.assertThat(complaints.get(submitted.reference()).status()).isEqualTo(ComplaintStatus.TRIAGE);

    String dispatcher = TestUsers.ensure(identity, "triage-dispatcher", Groups.DISPATCHERS);
    tasks.claim(task(TASK_TRIAGE, pi).getId(), dispatcher);
    tasks.complete(task(TASK_TRIAGE, pi).getId(), Variables.createVariables()
        .putValue("severity", "HIGH").putValue("handlerGroup", Groups.TEAM_BILLING)
        .putValue("firstResponseSlaHours", 4L).putValue("resolutionSlaHours", 24L));
    execute(job(TASK_TRIAGE, pi)); // save point after the user task

    assertThat(pi).isWaitingAt(TASK_HANDLE);
    assertThat(task(TASK_HANDLE, pi)).hasCandidateGroup(Groups.TEAM_BILLING);
    Complaint stored = complaints.get(submitted.reference());
    Assertions.assertThat(stored.classification().severity()).isEqualTo(Severity.HIGH);
    Assertions.assertThat(stored.classification().classifiedBy()).isEqualTo(dispatcher);
    Assertions.assertThat(stored.classification().resolutionSlaHours()).isEqualTo(24);
  }

  @Test
  void triageWithMissingOrInsaneValuesIsRefusedAndChangesNothing() {
    ProcessInstance pi = instanceOf(
        submit(Complaints.of(Category.OTHER, CustomerTier.STANDARD)).reference());
    String taskId = task(TASK_TRIAGE, pi).getId();

    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("severity", "TERRIBLE", "handlerGroup", "team-nobody",
        "firstResponseSlaHours", 48L, "resolutionSlaHours", 0L)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("severity").hasMessageContaining("handlerGroup").hasMessageContaining("resolutionSlaHours");
    assertThat(pi).isWaitingAt(TASK_TRIAGE);
    Assertions.assertThat(runtime.getVariable(pi.getId(), "severity")).isNull();
  }

  @Test
  void secondComplaintAboutTheSameOpenOrderIsLinkedAsDuplicate() {
    String original = submit(
        Complaints.of("C-DUP-1", "ORD-DUP-1", Category.DELAY, CustomerTier.STANDARD, "Late")).reference();
    ComplaintService.Submitted repeat = complaints.submit(
        Complaints.of("C-DUP-1", "ORD-DUP-1", Category.DELAY, CustomerTier.STANDARD, "Still late"), null, null);

    Assertions.assertThat(repeat.status()).isEqualTo(ComplaintStatus.DUPLICATE);
    Assertions.assertThat(complaints.get(repeat.reference()).duplicateOf()).isEqualTo(original);
    ProcessInstance pi = instanceOf(repeat.reference());
    assertThat(pi).isWaitingAt(TASK_REGISTER);
    execute(job(TASK_REGISTER, pi));
    assertThat(pi).hasPassed(TASK_NOTIFY_DUPLICATE, END_DUPLICATE).hasNotPassed(TASK_CLASSIFY).isEnded();
    Assertions.assertThat(Jobs.messageDeliveries(engine, repeat.reference())).as("the duplicate notice, on its way")
        .hasSize(1);
    // a different order of the same customer is a new case
    Assertions.assertThat(complaints.submit(
        Complaints.of("C-DUP-1", "ORD-DUP-2", Category.DELAY, CustomerTier.STANDARD, "Other order"), null, null).status())
        .isEqualTo(ComplaintStatus.RECEIVED);
  }

  @Test
  void incompleteHandlingOutcomeIsRefusedAndChangesNothing() {
    ProcessInstance pi = instanceOf(
        submit(Complaints.of(Category.BILLING, CustomerTier.STANDARD)).reference());
    String taskId = task(TASK_HANDLE, pi).getId();

    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("rootCause", "BAD_LUCK", "resolution", "short")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("rootCause").hasMessageContaining("resolution")
        .hasMessageContaining("serviceFailureAcknowledged");
    assertThat(pi).isWaitingAt(TASK_HANDLE);
    Assertions.assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    Assertions.assertThat(runtime.getVariable(pi.getId(), "rootCause")).isNull();
  }

  @Test
  void handlingOutcomeIsStoredAndResolvesTheComplaint() {
    String reference = submit(Complaints.of(Category.BILLING, CustomerTier.STANDARD)).reference();
    ProcessInstance pi = instanceOf(reference);
    String handler = TestUsers.ensure(identity, "process-billing-handler", Groups.TEAM_BILLING);
    tasks.claim(task(TASK_HANDLE, pi).getId(), handler);
    tasks.complete(task(TASK_HANDLE, pi).getId(), Map.of("rootCause", "SYSTEM_FAILURE",
        "resolution", "Refunded the duplicate charge and fixed the billing run.", "serviceFailureAcknowledged", true));
    execute(job(TASK_HANDLE, pi));

    Complaint stored = complaints.get(reference);
    Assertions.assertThat(stored.status()).as("resolved, the customer asked").isEqualTo(ComplaintStatus.AWAITING_FEEDBACK);
    Assertions.assertThat(stored.outcome().rootCause()).isEqualTo(RootCause.SYSTEM_FAILURE);
    Assertions.assertThat(stored.outcome().serviceFailureAcknowledged()).isTrue();
    Assertions.assertThat(stored.outcome().resolvedBy()).isEqualTo(handler);
    Assertions.assertThat(stored.outcome().proposedCompensation()).isNull();
    assertThat(pi).isWaitingAt(GATEWAY_AWAIT_SURVEY).hasPassed(TASK_RECORD_OUTCOME, GATEWAY_COMPENSATION_PROPOSED,
        TASK_NOTIFY_RESOLUTION);
    Assertions.assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_HANDLE).singleResult().getAssignee()).isEqualTo(handler);
  }

  @Test
  void proposedCompensationIsStoredAndTakesTheCompensationBranch() {
    String reference = submit(Complaints.of(Category.DAMAGE, CustomerTier.GOLD)).reference();
    ProcessInstance pi = instanceOf(reference);
    String taskId = task(TASK_HANDLE, pi).getId();

    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("rootCause", "SYSTEM_FAILURE",
        "resolution", "Replaced the vase with the same model.", "serviceFailureAcknowledged", true,
        "compensationType", "REFUND", "compensationAmount", 800.5, "compensationCurrency", "XYZ")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("rootCause does not apply to a DAMAGE complaint")
        .hasMessageContaining("compensationAmount must be a decimal as text")
        .hasMessageContaining("compensationCurrency")
        .hasMessageContaining("compensationReason is required");

    tasks.complete(taskId, Map.of("rootCause", "STAFF_ERROR", "resolution", "Replaced the vase with the same model.",
        "serviceFailureAcknowledged", true, "compensationType", "REFUND", "compensationAmount", "800.00",
        "compensationCurrency", "CNY", "compensationReason", "The vase was broken by our cleaner."));
    execute(job(TASK_HANDLE, pi));

    assertThat(pi).hasPassed(GATEWAY_COMPENSATION_PROPOSED).isWaitingAt(CALL_APPROVE_COMPENSATION);
    Assertions.assertThat(complaints.get(reference).status()).isEqualTo(ComplaintStatus.AWAITING_APPROVAL);
    Complaint.CompensationProposal proposal = complaints.get(reference).outcome().proposedCompensation();
    Assertions.assertThat(proposal.type()).isEqualTo(CompensationType.REFUND);
    Assertions.assertThat(proposal.amount().amount()).isEqualByComparingTo("800.00");
    Assertions.assertThat(proposal.amount().currency()).isEqualTo("CNY");
    Assertions.assertThat(proposal.reason()).isEqualTo("The vase was broken by our cleaner.");
  }

  @Test
  void intakeAgentRecordsAPhoneComplaintThroughTheStartForm() {
    String agent = TestUsers.ensure(identity, "intake-agent-1", Groups.INTAKE_AGENTS);
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
        .singleResult().getId();
    Map<String, Object> form = new HashMap<>(Map.of(
        "customerId", "C-PHONE-1", "customerName", "Zhao Lei", "customerTier", "PLATINUM", "channel", "PHONE",
        "category", "STAFF_BEHAVIOUR", "subject", "Rude driver", "description", "The driver shouted at my mother.",
        "orderAmount", "120.50", "orderCurrency", "CNY"));
    form.put("occurredAt", "2026-11-21T18:30");

    identity.setAuthentication(agent, List.of(Groups.INTAKE_AGENTS));
    ProcessInstance pi;
    try {
      pi = forms.submitStartForm(definitionId, form);
    } finally {
      identity.clearAuthentication();
    }

    Jobs.continueAfterRegistration(engine, pi.getBusinessKey());
    Complaint stored = complaints.get(pi.getBusinessKey());
    Assertions.assertThat(stored.reference()).matches("CMP-\\d{4}-\\d{6}");
    Assertions.assertThat(stored.channel()).isEqualTo(Channel.PHONE);
    Assertions.assertThat(stored.recordedBy()).isEqualTo(agent);
    Assertions.assertThat(stored.orderAmount().amount()).isEqualByComparingTo("120.50");
    Assertions.assertThat(stored.occurredAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
    Assertions.assertThat(runtime.getVariable(pi.getId(), "customerId")).isNull(); // personal data left the process
    assertThat(pi).isWaitingAt(TASK_HANDLE);
    assertThat(task(TASK_HANDLE, pi)).hasCandidateGroup(Groups.TEAM_SERVICE);
  }

  @Test
  void aSecondCaseForAnExistingComplaintIsRefused() {
    String reference = submit(Complaints.of(Category.DELAY, CustomerTier.STANDARD)).reference();
    long cases = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).count();

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY, reference,
        Map.of(COMPLAINT_REFERENCE.name(), reference)))
        .hasMessageContaining("already being handled");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY, "another-key",
        Map.of(COMPLAINT_REFERENCE.name(), reference)))
        .hasMessageContaining("already being handled");
    Assertions.assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).count())
        .isEqualTo(cases);
  }

  @Test
  void invalidStartFormIsRefusedAndStoresNothing() {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
        .singleResult().getId();
    long instancesBefore = runtime.createProcessInstanceQuery().count();
    long historyBefore = history.createHistoricProcessInstanceQuery().count();

    assertThatThrownBy(() -> forms.submitStartForm(definitionId, Map.of("customerId", "C-X", "customerName", "X",
        "customerTier", "DIAMOND", "channel", "PHONE", "category", "DAMAGE", "subject", "s", "description", "d",
        "orderAmount", "-5", "orderCurrency", "CNY")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("customer.tier").hasMessageContaining("orderAmount.amount");
    Assertions.assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    Assertions.assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(historyBefore);
  }
}
