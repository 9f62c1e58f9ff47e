package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.GATEWAY_AWAIT_ANSWER;
import static com.redress.complaint.ComplaintHandlingProcess.GATEWAY_AWAIT_LATE_ANSWER;
import static com.redress.complaint.ComplaintHandlingProcess.TASK_HANDLE;
import static com.redress.complaint.ComplaintHandlingProcess.TASK_REVIEW_QUALITY;
import static com.redress.complaint.ComplaintHandlingProcess.TIMER_ANSWER_REMINDER;
import static com.redress.complaint.ComplaintHandlingProcess.TIMER_NO_REPLY;
import static com.redress.complaint.ComplaintHandlingProcess.TIMER_SLA_WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The handler asks the customer a question from the handling task: the complaint waits, its
 * resolution SLA paused, and comes back to the handler with the SLA moved by the business time it
 * waited; a reminder goes out, and no answer at all closes it as UNRESOLVED_NO_REPLY. Driven with
 * the engine's clock: a CRITICAL safety complaint received on Friday 27 November 2026 at 15:00 in
 * Shanghai is due on Monday at 14:00 (8 business hours), its warning at 12:00; the question goes
 * out on Friday at 17:00 (redress.waiting: reminder after 16, closing after 40 business hours).
 */
class WaitingForCustomerTest extends ApplicationTest {

  @Autowired ComplaintService complaints;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anAnswerOnTheStatusPageResumesTheHandlingWithTheSlaMovedByTheTimeSpentWaiting() {
    String handler = TestUsers.ensure(engine.getIdentityService(), "waiting-handler", Groups.TEAM_SAFETY);
    ComplaintService.Submitted c = askedOnFridayAtFive(handler);

    at("2026-11-30T11:00");
    HttpResponse<String> answered = http.post("/complaints/" + c.reference() + "/answer",
        "application/x-www-form-urlencoded", "token=" + c.accessToken() + "&answer="
            + URLEncoder.encode("The socket is in the kitchen, behind the fridge.", StandardCharsets.UTF_8));
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(302);
    Jobs.continueAfter(engine, c.reference(), ComplaintHandlingProcess.TASK_RESUME_HANDLING);

    Complaint resumed = complaints.get(c.reference());
    assertThat(resumed.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
    assertThat(resumed.waiting().waited()).as("Friday 17-18, Monday 9-11").isEqualTo(Duration.ofHours(3));
    assertThat(resumed.classification().resolutionDue().toInstant()).as("6 business hours were left at the question")
        .isEqualTo(shanghai("2026-11-30T17:00"));
    Task handling = handlingTask(c.reference());
    assertThat(handling.getAssignee()).as("back to who asked").isEqualTo(handler);
    assertThat(handling.getDueDate().toInstant()).isEqualTo(shanghai("2026-11-30T17:00"));
    assertThat(timer(c.reference(), TIMER_SLA_WARNING).getDuedate().toInstant()).as("the warning moved too")
        .isEqualTo(shanghai("2026-11-30T15:00"));
    assertThat((String) tasks.getVariable(handling.getId(), ComplaintHandlingProcess.QUESTION_AND_ANSWER.name()))
        .contains("Which room is the socket in?", "The socket is in the kitchen, behind the fridge.");
    assertThat(Http.json(http.get("/api/complaints/" + c.reference() + "?token=" + c.accessToken()))
        .has("question")).as("no question open any more").isFalse();

    at("2026-11-30T16:00");
    Handling.resolve(engine, c.reference(), handler);
    bean(SurveyService.class).answer(c.reference(), new SurveyService.Answer(c.accessToken(), 5, null));
    Jobs.continueAfterSurvey(engine, c.reference());
    Handling.review(engine, c.reference(), TestUsers.ensure(engine.getIdentityService(), "waiting-reviewer",
        Groups.QUALITY_REVIEWERS), 4);
    Map<String, Object> kpi = jdbc.queryForMap("SELECT resolution_business_secs, waiting_business_secs,"
        + " resolution_sla_met FROM complaint_kpi WHERE complaint_reference = ?", c.reference());
    assertThat(kpi.get("WAITING_BUSINESS_SECS")).isEqualTo(Duration.ofHours(3).toSeconds());
    assertThat(kpi.get("RESOLUTION_BUSINESS_SECS")).as("Friday 3 h and Monday 7 h, less 3 h waiting")
        .isEqualTo(Duration.ofHours(7).toSeconds());
    assertThat(kpi.get("RESOLUTION_SLA_MET")).isEqualTo(true);
  }

  @Test
  void withoutAnAnswerAReminderGoesOutAndThenTheComplaintClosesUnresolvedForWantOfAReply() {
    String handler = TestUsers.ensure(engine.getIdentityService(), "waiting-handler", Groups.TEAM_SAFETY);
    ComplaintService.Submitted c = askedOnFridayAtFive(handler);
    assertThat(timer(c.reference(), TIMER_ANSWER_REMINDER).getDuedate().toInstant())
        .as("16 business hours after the question").isEqualTo(shanghai("2026-12-01T15:00"));

    at("2026-12-01T15:00");
    engine.getManagementService().executeJob(timer(c.reference(), TIMER_ANSWER_REMINDER).getId());
    assertThat(queued(c.reference(), "QUESTION_REMINDER")).isEqualTo(1);
    assertThat(activities(c.reference())).contains(GATEWAY_AWAIT_LATE_ANSWER);
    assertThat(timer(c.reference(), TIMER_NO_REPLY).getDuedate().toInstant())
        .as("40 business hours after the question").isEqualTo(shanghai("2026-12-04T12:00"));

    at("2026-12-04T12:00");
    engine.getManagementService().executeJob(timer(c.reference(), TIMER_NO_REPLY).getId());
    Complaint unanswered = complaints.get(c.reference());
    assertThat(unanswered.lifecycle().unresolved()).isTrue();
    assertThat(unanswered.lifecycle().noReply()).isTrue();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(c.reference()).taskDefinitionKey(TASK_REVIEW_QUALITY)
        .count()).isEqualTo(1);
    assertThat(http.get("/complaints/" + c.reference() + "?token=" + c.accessToken(), "text/html").body())
        .contains("we did not receive your answer to our question");

    Handling.review(engine, c.reference(), TestUsers.ensure(engine.getIdentityService(), "waiting-reviewer",
        Groups.QUALITY_REVIEWERS), 3);
    assertThat(Http.json(http.get("/api/complaints/" + c.reference() + "?token=" + c.accessToken()))
        .at("/closing/outcome").asText()).isEqualTo("UNRESOLVED_NO_REPLY");
    assertThat(jdbc.queryForObject("SELECT waiting_business_secs FROM complaint_kpi WHERE complaint_reference = ?",
        Long.class, c.reference())).isEqualTo(Duration.ofHours(40).toSeconds());
  }

  @Test
  void aComplaintEscalatedBeforeTheQuestionComesBackToTheSupervisorWhoAskedAndIsNotEscalatedAgain() {
    at("2026-11-27T15:00");
    ComplaintService.Submitted c = complaints.submit(Complaints.of(Category.SAFETY, CustomerTier.GOLD), null, null);
    Jobs.continueAfterRegistration(engine, c.reference());
    at("2026-11-30T14:00");
    engine.getManagementService().executeJob(timer(c.reference(), ComplaintHandlingProcess.TIMER_SLA_BREACHED).getId());
    assertThat(complaints.get(c.reference()).status()).isEqualTo(ComplaintStatus.ESCALATED);

    String supervisor = TestUsers.ensure(engine.getIdentityService(), "waiting-supervisor", Groups.SUPERVISORS);
    Task handling = handlingTask(c.reference());
    tasks.claim(handling.getId(), supervisor);
    at("2026-11-30T15:00");
    engine.getIdentityService().setAuthentication(supervisor, List.of(Groups.SUPERVISORS));
    try {
      tasks.complete(handling.getId(), Map.of("handlingAction", "ASK_CUSTOMER",
          "customerQuestion", "Is the socket still sparking?"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Jobs.continueAfter(engine, c.reference(), TASK_HANDLE);
    at("2026-11-30T16:00");
    assertThat(bean(CustomerAnswers.class).answer(c.reference(), "No, we switched the fuse off.")).isTrue();
    Jobs.continueAfter(engine, c.reference(), ComplaintHandlingProcess.TASK_RESUME_HANDLING);

    Task back = handlingTask(c.reference());
    assertThat(back.getAssignee()).isEqualTo(supervisor);
    assertThat(tasks.getIdentityLinksForTask(back.getId())).extracting(link -> link.getGroupId())
        .contains(Groups.SUPERVISORS).doesNotContain(Groups.TEAM_SAFETY);
    // the SLA was used up before the question: its timer fires again at once, and changes nothing
    engine.getManagementService().executeJob(timer(c.reference(), ComplaintHandlingProcess.TIMER_SLA_BREACHED).getId());
    assertThat(handlingTask(c.reference()).getAssignee()).isEqualTo(supervisor);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ? AND event_type = ?"
        + " AND details LIKE '%\"slaBreachedAt\"%'", Integer.class, c.reference(), ComplaintService.STATUS_CHANGED))
        .as("escalated once").isEqualTo(1);
  }

  @Test
  void aQuestionNeedsItsWordsAndACustomerWithAnEmailAddress() {
    String handler = TestUsers.ensure(engine.getIdentityService(), "waiting-handler", Groups.TEAM_SAFETY);
    at("2026-11-27T15:00");
    ComplaintService.Submitted c = complaints.submit(Complaints.of(Category.SAFETY, CustomerTier.GOLD), null, null);
    Jobs.continueAfterRegistration(engine, c.reference());
    Task handling = handlingTask(c.reference());
    tasks.claim(handling.getId(), handler);
    engine.getIdentityService().setAuthentication(handler, List.of(Groups.TEAM_SAFETY));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(handling.getId(),
          Map.of("handlingAction", "ASK_CUSTOMER", "customerQuestion", "Why?")))
          .hasMessageContaining("customerQuestion must be 10 to 2000 characters");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(complaints.get(c.reference()).status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
  }

  /** The complaint, received Friday at 15:00; at 17:00 its handler asks which room the socket is in. */
  private ComplaintService.Submitted askedOnFridayAtFive(String handler) {
    at("2026-11-27T15:00");
    ComplaintService.Submitted c = complaints.submit(Complaints.of(Category.SAFETY, CustomerTier.GOLD), null, null);
    Jobs.continueAfterRegistration(engine, c.reference());
    at("2026-11-27T15:20");
    Task handling = handlingTask(c.reference());
    tasks.claim(handling.getId(), handler);
    at("2026-11-27T17:00");
    engine.getIdentityService().setAuthentication(handler, List.of(Groups.TEAM_SAFETY));
    try {
      tasks.complete(handling.getId(), Map.of("handlingAction", "ASK_CUSTOMER",
          "customerQuestion", "Which room is the socket in?"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Jobs.continueAfter(engine, c.reference(), TASK_HANDLE);
    assertThat(activities(c.reference())).contains(GATEWAY_AWAIT_ANSWER);
    assertThat(complaints.get(c.reference()).status()).isEqualTo(ComplaintStatus.WAITING_FOR_CUSTOMER);
    assertThat(queued(c.reference(), "QUESTION")).as("the question, to the customer").isEqualTo(1);
    assertThat(Http.json(http.get("/api/complaints/" + c.reference() + "?token=" + c.accessToken()))
        .get("question").asText()).isEqualTo("Which room is the socket in?");
    return c;
  }

  private Task handlingTask(String reference) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(TASK_HANDLE).singleResult();
  }

  private List<String> activities(String reference) {
    return runtime.getActiveActivityIds(instance(reference));
  }

  private String instance(String reference) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId();
  }

  private Job timer(String reference, String activity) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance(reference)).activityId(activity)
        .singleResult();
  }

  private int queued(String reference, String kind) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE complaint_reference = ? AND kind = ?",
        Integer.class, reference, kind);
  }

  private static void at(String shanghaiLocal) {
    ClockUtil.setCurrentTime(Date.from(shanghai(shanghaiLocal)));
  }

  private static Instant shanghai(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + ":00+08:00").toInstant();
  }
}
