package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.Handling;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of a complaint's life from handling to closing, driven with the engine's clock and
 * explicit jobs, and the KPI record each one leaves. A CRITICAL safety complaint received on Friday
 * 27 November 2026 at 15:00 in Shanghai: first response within 1, resolution within 8 business
 * hours (Friday 16:00 and Monday 14:00; the 75 % warning at Monday 12:00).
 */
class ComplaintLifecycleTest extends ApplicationTest {

  @Autowired ComplaintService complaints;
  @Autowired ComplaintClosing closing;
  @Autowired SurveyService surveys;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired CustomerHistory customerHistory;

  private record Case(String reference, String token, ProcessInstance pi) {
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void handledInTimeAndHappyClosesWithTheFiguresOfThatPath() {
    Case c = receivedFridayAtThree();
    String handler = TestUsers.ensure(identity, "life-handler-1", Groups.TEAM_SAFETY);
    at("2026-11-27T15:20");
    tasks.claim(task(TASK_HANDLE, c.pi()).getId(), handler);
    at("2026-11-30T10:00");
    complete(c, handler);

    assertThat(c.pi()).isWaitingAt(GATEWAY_AWAIT_SURVEY);
    Assertions.assertThat(complaints.get(c.reference()).status()).isEqualTo(ComplaintStatus.AWAITING_FEEDBACK);
    Assertions.assertThat(timer(c, TIMER_SURVEY_TIMEOUT).getDuedate().toInstant())
        .as("7 calendar days to answer").isEqualTo(shanghai("2026-12-07T10:00"));
    at("2026-11-30T11:00");
    answer(c, 5, "Quick and polite.");
    assertThat(c.pi()).hasPassed(EVENT_SURVEY_ANSWERED).isWaitingAt(TASK_REVIEW_QUALITY);
    assertThat(task(TASK_REVIEW_QUALITY, c.pi())).hasCandidateGroup(Groups.QUALITY_REVIEWERS);
    Assertions.assertThat(complaints.get(c.reference()).status()).isEqualTo(ComplaintStatus.RESOLVED);
    at("2026-11-30T12:00");
    review(c, 4);

    assertThat(c.pi()).hasPassed(TASK_CLOSE, END_CLOSED);
    Complaint closed = complaints.get(c.reference());
    Assertions.assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);
    Assertions.assertThat(closed.lifecycle().closedAt().toInstant()).isEqualTo(shanghai("2026-11-30T12:00"));
    ComplaintKpi kpi = closing.kpi(c.reference()).orElseThrow();
    // Friday 15:00 → 15:20; → Monday 10:00 is 3 + 1 business hours, 67 calendar hours
    Assertions.assertThat(kpi.firstResponseBusiness()).isEqualTo(Duration.ofMinutes(20));
    Assertions.assertThat(kpi.firstResponseCalendar()).isEqualTo(Duration.ofMinutes(20));
    Assertions.assertThat(kpi.firstResponseSlaMet()).isTrue();
    Assertions.assertThat(kpi.resolutionBusiness()).isEqualTo(Duration.ofHours(4));
    Assertions.assertThat(kpi.resolutionCalendar()).isEqualTo(Duration.ofHours(67));
    Assertions.assertThat(kpi.resolutionSlaMet()).isTrue();
    Assertions.assertThat(kpi.csat()).isEqualTo(5);
    Assertions.assertThat(kpi.reopenCount()).isZero();
    Assertions.assertThat(kpi.escalated()).isFalse();
    Assertions.assertThat(kpi.unresolved()).isFalse();
    Assertions.assertThat(kpi.handlers()).containsExactly(handler);
    Assertions.assertThat(kpi.qualityScore()).isEqualTo(4);
    Assertions.assertThat(kpi.innovative()).isFalse();
    Assertions.assertThat(kpi.severity()).isEqualTo(Severity.CRITICAL);
    Assertions.assertThat(kpi.handlerGroup()).isEqualTo(Groups.TEAM_SAFETY);
  }

  @Test
  void warnedAtThreeQuartersThenResolvedInTimeAndTheSurveyTimesOut() {
    Case c = receivedFridayAtThree();
    at("2026-11-30T12:00");
    execute(timer(c, TIMER_SLA_WARNING));
    String handler = TestUsers.ensure(identity, "life-handler-2", Groups.TEAM_SAFETY);
    at("2026-11-30T12:30");
    tasks.claim(task(TASK_HANDLE, c.pi()).getId(), handler);
    at("2026-11-30T13:00");
    complete(c, handler);

    at("2026-12-07T13:00");
    execute(timer(c, TIMER_SURVEY_TIMEOUT));
    assertThat(c.pi()).hasPassed(TASK_CLOSE_SURVEY).hasNotPassed(EVENT_SURVEY_ANSWERED).isWaitingAt(TASK_REVIEW_QUALITY);
    Survey expired = surveys.latest(c.reference()).orElseThrow();
    Assertions.assertThat(expired.score()).isNull();
    Assertions.assertThat(expired.expiredAt().toInstant()).isEqualTo(shanghai("2026-12-07T13:00"));
    review(c, 3);

    ComplaintKpi kpi = closing.kpi(c.reference()).orElseThrow();
    // the first response came Monday 12:30: 3 + 3.5 business hours, after its 1-hour SLA
    Assertions.assertThat(kpi.firstResponseBusiness()).isEqualTo(Duration.ofMinutes(390));
    Assertions.assertThat(kpi.firstResponseCalendar()).isEqualTo(Duration.ofMinutes(69 * 60 + 30));
    Assertions.assertThat(kpi.firstResponseSlaMet()).isFalse();
    Assertions.assertThat(kpi.resolutionBusiness()).isEqualTo(Duration.ofHours(7));
    Assertions.assertThat(kpi.resolutionCalendar()).isEqualTo(Duration.ofHours(70));
    Assertions.assertThat(kpi.resolutionSlaMet()).as("warned, not breached").isTrue();
    Assertions.assertThat(kpi.csat()).as("no answer").isNull();
    Assertions.assertThat(kpi.escalated()).isFalse();
    Assertions.assertThat(kpi.qualityScore()).isEqualTo(3);
  }

  @Test
  void escalatedAtTheFullSlaIsResolvedBySupervisorsAndCountsAsBreached() {
    Case c = receivedFridayAtThree();
    String handler = TestUsers.ensure(identity, "life-handler-3", Groups.TEAM_SAFETY);
    String supervisor = TestUsers.ensure(identity, "life-supervisor-3", Groups.SUPERVISORS);
    at("2026-11-27T15:10");
    tasks.claim(task(TASK_HANDLE, c.pi()).getId(), handler);
    at("2026-11-30T14:00");
    execute(timer(c, TIMER_SLA_BREACHED));
    Assertions.assertThat(complaints.get(c.reference()).status()).isEqualTo(ComplaintStatus.ESCALATED);
    at("2026-11-30T15:00");
    tasks.claim(task(TASK_HANDLE, c.pi()).getId(), supervisor);
    complete(c, supervisor);
    at("2026-11-30T16:00");
    answer(c, 4, null);
    review(c, 5, true, "Sent an electrician within the hour and fixed three more sockets.");

    ComplaintKpi kpi = closing.kpi(c.reference()).orElseThrow();
    Assertions.assertThat(kpi.firstResponseBusiness()).isEqualTo(Duration.ofMinutes(10));
    Assertions.assertThat(kpi.firstResponseSlaMet()).isTrue();
    Assertions.assertThat(kpi.resolutionBusiness()).isEqualTo(Duration.ofHours(9));
    Assertions.assertThat(kpi.resolutionCalendar()).isEqualTo(Duration.ofHours(72));
    Assertions.assertThat(kpi.resolutionSlaMet()).isFalse();
    Assertions.assertThat(kpi.escalated()).isTrue();
    Assertions.assertThat(kpi.handlers()).containsExactly(handler, supervisor);
    Assertions.assertThat(kpi.csat()).isEqualTo(4);
    Assertions.assertThat(kpi.qualityScore()).isEqualTo(5);
    Assertions.assertThat(kpi.innovative()).isTrue();
    Assertions.assertThat(complaints.get(c.reference()).qualityReview().innovationReason())
        .startsWith("Sent an electrician");
  }

  @Test
  void unhappyCustomerReopensForSupervisorsWithAFreshSlaThenHappyCloses() {
    Case c = receivedFridayAtThree();
    String handler = TestUsers.ensure(identity, "life-handler-4", Groups.TEAM_SAFETY);
    String supervisor = TestUsers.ensureWithEmail(identity, "life-supervisor-4", "life.supervisor.4@redress.example",
        Groups.SUPERVISORS);
    at("2026-11-30T10:00");
    tasks.claim(task(TASK_HANDLE, c.pi()).getId(), handler);
    at("2026-11-30T12:00");
    execute(timer(c, TIMER_SLA_WARNING));
    Assertions.assertThat(slaWarningsTo("life.supervisor.4@redress.example", c)).isEqualTo(1);
    complete(c, handler);
    at("2026-11-30T13:00");
    answer(c, 1, "The socket still sparks.");

    assertThat(c.pi()).hasPassed(TASK_REOPEN).isWaitingAt(TASK_HANDLE);
    assertThat(task(TASK_HANDLE, c.pi())).hasCandidateGroup(Groups.SUPERVISORS);
    Complaint reopened = complaints.get(c.reference());
    Assertions.assertThat(reopened.status()).isEqualTo(ComplaintStatus.REOPENED);
    Assertions.assertThat(reopened.lifecycle().reopenCount()).isEqualTo(1);
    // a fresh 8 business hours from Monday 13:00: due Tuesday 12:00, warned Tuesday 10:00
    Assertions.assertThat(reopened.classification().resolutionDue().toInstant()).isEqualTo(shanghai("2026-12-01T12:00"));
    Assertions.assertThat(timer(c, TIMER_SLA_BREACHED).getDuedate().toInstant()).isEqualTo(shanghai("2026-12-01T12:00"));
    Assertions.assertThat(timer(c, TIMER_SLA_WARNING).getDuedate().toInstant()).isEqualTo(shanghai("2026-12-01T10:00"));
    Assertions.assertThat((String) runtime.getVariable(c.pi().getId(), PREVIOUS_OUTCOME.name()))
        .contains("Closed the socket cover").contains("1 of 5").contains("The socket still sparks.");
    Assertions.assertThat(runtime.getVariable(c.pi().getId(), RESOLUTION.name())).as("to be written anew").isNull();
    at("2026-12-01T10:00");
    execute(timer(c, TIMER_SLA_WARNING));
    Assertions.assertThat(slaWarningsTo("life.supervisor.4@redress.example", c)).as("the reopened round warns again")
        .isEqualTo(2);

    at("2026-12-01T10:30");
    tasks.claim(task(TASK_HANDLE, c.pi()).getId(), supervisor);
    complete(c, supervisor);
    Assertions.assertThat(complaints.get(c.reference()).status()).isEqualTo(ComplaintStatus.AWAITING_FEEDBACK);
    Assertions.assertThat(surveys.latest(c.reference()).orElseThrow().round()).isEqualTo(1);
    at("2026-12-01T10:45");
    answer(c, 4, "Fixed now.");
    review(c, 4);

    ComplaintKpi kpi = closing.kpi(c.reference()).orElseThrow();
    // to the last resolution, Tuesday 10:30: 3 + 9 + 1.5 business hours, 91.5 calendar hours
    Assertions.assertThat(kpi.resolutionBusiness()).isEqualTo(Duration.ofMinutes(13 * 60 + 30));
    Assertions.assertThat(kpi.resolutionCalendar()).isEqualTo(Duration.ofMinutes(91 * 60 + 30));
    Assertions.assertThat(kpi.resolutionSlaMet()).isTrue();
    Assertions.assertThat(kpi.reopenCount()).isEqualTo(1);
    Assertions.assertThat(kpi.csat()).as("the last answer").isEqualTo(4);
    Assertions.assertThat(kpi.unresolved()).isFalse();
    Assertions.assertThat(kpi.handlers()).containsExactly(handler, supervisor);
    Assertions.assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM notification_outbox WHERE complaint_reference = ? AND kind = 'RESOLUTION'",
        Integer.class, c.reference())).as("one resolution notice per resolution").isEqualTo(2);
  }

  @Test
  void unhappyBeyondTheReopeningLimitClosesFlaggedUnresolved() {
    Case c = receivedFridayAtThree();
    String handler = TestUsers.ensure(identity, "life-handler-5", Groups.TEAM_SAFETY);
    String supervisor = TestUsers.ensure(identity, "life-supervisor-5", Groups.SUPERVISORS);
    at("2026-11-30T10:00");
    tasks.claim(task(TASK_HANDLE, c.pi()).getId(), handler);
    complete(c, handler);
    for (int reopening = 1; reopening <= 2; reopening++) {
      answer(c, 2, "Still not right.");
      Assertions.assertThat(complaints.get(c.reference()).lifecycle().reopenCount()).isEqualTo(reopening);
      tasks.claim(task(TASK_HANDLE, c.pi()).getId(), supervisor);
      complete(c, supervisor);
    }
    answer(c, 1, "I give up.");

    assertThat(c.pi()).hasPassed(TASK_MARK_UNRESOLVED).isWaitingAt(TASK_REVIEW_QUALITY);
    Assertions.assertThat(complaints.get(c.reference()).lifecycle().unresolved()).isTrue();
    review(c, 2);
    Complaint closed = complaints.get(c.reference());
    Assertions.assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);
    ComplaintKpi kpi = closing.kpi(c.reference()).orElseThrow();
    Assertions.assertThat(kpi.unresolved()).isTrue();
    Assertions.assertThat(kpi.reopenCount()).isEqualTo(2);
    Assertions.assertThat(kpi.csat()).isEqualTo(1);
    Assertions.assertThat(surveys.latest(c.reference()).orElseThrow().round()).isEqualTo(2);
    List<CustomerHistory.Step> history = customerHistory.of(c.reference(), ZoneId.of("Asia/Shanghai"));
    Assertions.assertThat(history).extracting(CustomerHistory.Step::messageKey)
        .containsSubsequence("customer.history.unresolved", "customer.history.CLOSED");
  }

  @Test
  void anAnswerAboutAnEarlierResolutionIsNotTheFinalSatisfaction() {
    Case c = receivedFridayAtThree();
    String handler = TestUsers.ensure(identity, "life-handler-6", Groups.TEAM_SAFETY);
    String supervisor = TestUsers.ensure(identity, "life-supervisor-6", Groups.SUPERVISORS);
    at("2026-11-30T10:00");
    complete(c, handler);
    answer(c, 1, "Nothing changed.");
    complete(c, supervisor);
    Assertions.assertThat(runtime.getVariable(c.pi().getId(), SURVEY_SCORE.name()))
        .as("the reviewer must not see round 0's answer as this round's").isNull();
    at("2026-12-07T10:00");
    execute(timer(c, TIMER_SURVEY_TIMEOUT));
    review(c, 3);

    ComplaintKpi kpi = closing.kpi(c.reference()).orElseThrow();
    Assertions.assertThat(kpi.csat()).as("the final resolution was never rated").isNull();
    Assertions.assertThat(kpi.reopenCount()).isEqualTo(1);
    Assertions.assertThat(kpi.unresolved()).isFalse();
  }

  // --- driving the process

  @Test
  void theEngineForgetsAClosedComplaintAfterItsTimeToLiveWhileTheAuditTrailKeepsIt() {
    HistoryService history = engine.getHistoryService();
    // the nightly cleanup is scheduled inside its window (application.yml: 01:00-05:00)
    Assertions.assertThat(history.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> Assertions.assertThat(
        job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour()).isBetween(1, 4));
    Case c = receivedFridayAtThree();
    complete(c, TestUsers.ensure(identity, "life-handler-ttl", Groups.TEAM_SAFETY));
    answer(c, 5, "Quick.");
    at("2026-11-30T12:00");
    review(c, 4);
    String instance = c.pi().getId();
    // the e-mails still to send (the ending waits for them)
    engine.getManagementService().createJobQuery().processInstanceId(instance).executable().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    Assertions.assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    Assertions.assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getRemovalTime().toInstant()).as("closed + the model's 3650 days")
        .isEqualTo(shanghai("2026-11-30T12:00").plus(Duration.ofDays(3650)));
    long auditRows = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?", Long.class,
        c.reference());

    at("2036-11-28T12:01");
    try {
      // what the nightly job does, run now; each run removes a batch of whatever has expired
      for (int run = 0; run < 100 && history.createHistoricProcessInstanceQuery().processInstanceId(instance).count() > 0;
          run++) {
        engine.getManagementService().executeJob(history.cleanUpHistoryAsync(true).getId());
      }
    } finally {
      ClockUtil.reset();
      history.cleanUpHistoryAsync(); // back to the nightly window
    }

    Assertions.assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    Assertions.assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).count()).isZero();
    Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).count()).isZero();
    Assertions.assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).count()).isZero();
    Assertions.assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(instance).count()).isZero();
    Assertions.assertThat(history.createUserOperationLogQuery().processInstanceId(instance).count()).isZero();
    // what auditors and the KPIs read is Redress's own, kept by its own retention
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?", Long.class,
        c.reference())).isEqualTo(auditRows);
    Assertions.assertThat(complaints.get(c.reference()).status()).isEqualTo(ComplaintStatus.CLOSED);
    Assertions.assertThat(closing.kpi(c.reference())).isPresent();
    // and what happens next on this thread is audited as before
    String next = receivedFridayAtThree().reference();
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?", Long.class, next))
        .isPositive();
  }

  private Case receivedFridayAtThree() {
    at("2026-11-27T15:00");
    ComplaintService.Submitted submitted = complaints.submit(Complaints.of(Category.SAFETY, CustomerTier.GOLD), null, null);
    Jobs.continueAfterRegistration(engine, submitted.reference());
    return new Case(submitted.reference(), submitted.accessToken(),
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(submitted.reference())
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult());
  }

  private void complete(Case c, String user) {
    Handling.resolve(engine, c.reference(), user);
  }

  private void answer(Case c, int score, String comment) {
    surveys.answer(c.reference(), new SurveyService.Answer(c.token(), score, comment));
    Jobs.continueAfterSurvey(engine, c.reference());
  }

  private void review(Case c, int score) {
    review(c, score, false, null);
  }

  private void review(Case c, int score, boolean innovative, String reason) {
    String reviewer = TestUsers.ensure(identity, "life-reviewer", Groups.QUALITY_REVIEWERS);
    Handling.review(engine, c.reference(), reviewer, score, innovative, reason);
    Assertions.assertThat(complaints.get(c.reference()).qualityReview().reviewedBy()).isEqualTo(reviewer);
  }

  private int slaWarningsTo(String recipient, Case c) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE complaint_reference = ?"
        + " AND kind = 'SLA_WARNING' AND recipient = ?", Integer.class, c.reference(), recipient);
  }

  private Job timer(Case c, String activity) {
    return engine.getManagementService().createJobQuery().processInstanceId(c.pi().getId()).activityId(activity)
        .singleResult();
  }

  private static void at(String shanghaiLocal) {
    ClockUtil.setCurrentTime(Date.from(shanghai(shanghaiLocal)));
  }

  private static Instant shanghai(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + ":00+08:00").toInstant();
  }
}
