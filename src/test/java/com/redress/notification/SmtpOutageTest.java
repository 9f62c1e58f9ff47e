package com.redress.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.identity.Groups;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.Submissions;
import com.redress.support.TestUsers;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SMTP down while 30 complaints are submitted and handled, on PostgreSQL with the real SMTP
 * server: intake and handling answer as usual and the complaints move on, every mail waits in
 * the outbox, its MessageDelivery step retries after 5 minutes twice more and then raises an
 * incident an administrator sees over engine REST (as in Cockpit), naming the complaint. SMTP
 * back, a retry of each incident sends every mail exactly once, each with the Message-ID it had
 * on every attempt. Jobs and the clock are driven by the test.
 */
class SmtpOutageTest extends PostgresApplicationTest {

  /** Enough mails to retry at once that a duplicate or a lost one would show; each costs three failed sends. */
  private static final int COMPLAINTS = 30;

  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void restore() {
    ClockUtil.reset();
    if (!SMTP.getSmtp().isRunning()) {
      SMTP.start();
    }
  }

  @Test
  void mailsWaitRetryRaiseIncidentsAndGoOutOnceWhenSmtpIsBack() throws Exception {
    String handler = TestUsers.ensure(engine.getIdentityService(), "outage-handler", Groups.TEAM_SERVICE,
        Groups.TEAM_BILLING, Groups.TEAM_LOGISTICS, Groups.TEAM_SAFETY);
    String admin = TestUsers.ensure(engine.getIdentityService(), "outage-admin", Groups.CAMUNDA_ADMIN);
    Instant now = Instant.parse("2032-02-02T02:00:00Z");
    ClockUtil.setCurrentTime(Date.from(now));
    SMTP.stop();

    List<String> references = new ArrayList<>();
    for (int i = 0; i < COMPLAINTS; i++) {
      HttpResponse<String> submitted = http.postJson("/api/complaints", Submissions.valid("DAMAGE", "STANDARD"));
      assertThat(submitted.statusCode()).as("intake answers as usual").isEqualTo(201);
      String reference = Http.json(submitted).get("reference").asText();
      references.add(reference);
      Jobs.continueAfterRegistration(engine, reference);
      Handling.resolve(engine, reference, handler);
    }
    assertThat(references).as("the complaints went on to await their surveys").allSatisfy(reference ->
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery()
            .processInstanceId(instanceOf(reference)).eventName(ComplaintHandlingProcess.MESSAGE_SURVEY_ANSWERED)
            .count()).isEqualTo(1));
    List<String> instances = deliveriesOf(references);
    assertThat(sendJobs(instances)).as("an acknowledgement and a resolution notice each").hasSize(2 * COMPLAINTS);

    int failedAttempts = 0;
    for (int attempt = 1; attempt <= 3; attempt++) {
      for (Job job : sendJobs(instances)) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException expected) {
          failedAttempts++;
        }
      }
      if (attempt < 3) {
        Instant retryAt = now.plus(Duration.ofMinutes(5L * attempt));
        int retriesLeft = 3 - attempt;
        assertThat(sendJobs(instances)).as("retried with backoff after attempt " + attempt).allSatisfy(job -> {
          assertThat(job.getRetries()).isEqualTo(retriesLeft);
          assertThat(job.getDuedate().toInstant()).isEqualTo(retryAt);
        });
        ClockUtil.setCurrentTime(Date.from(retryAt));
      }
    }
    assertThat(failedAttempts).isEqualTo(3 * 2 * COMPLAINTS);
    assertThat(outboxStatuses(references)).containsOnlyKeys("PENDING").containsEntry("PENDING", 2L * COMPLAINTS);

    Http asAdmin = http.as(admin, TestUsers.PASSWORD);
    long incidents = Http.json(asAdmin.get("/engine-rest/incident/count?incidentType=failedJob&processInstanceId="
        + instances.get(0))).get("count").asLong();
    assertThat(incidents).as("Cockpit shows an incident per waiting mail").isEqualTo(1);
    String message = Http.json(asAdmin.get("/engine-rest/incident?maxResults=10&processInstanceId="
        + instances.get(0))).get(0).get("incidentMessage").asText();
    assertThat(message).matches("(?s)CMP-\\d{4}-\\d{6}: .*").contains("Sending message");
    Map<Long, String> messageIds = new HashMap<>();
    jdbc.query("SELECT id, message_id FROM notification_outbox WHERE complaint_reference IN (" + in(references) + ")",
        rs -> {
          messageIds.put(rs.getLong(1), rs.getString(2));
        });
    assertThat(messageIds.values()).as("fixed at the first attempt").doesNotContainNull().doesNotHaveDuplicates();
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT WHERE PROC_INST_ID_ IN (" + in(instances) + ")"))
        .isEqualTo(2L * COMPLAINTS);

    SMTP.start();
    int mailsBefore = mailsSoFar(); // a restarted server starts with an empty mailbox
    Instant back = Instant.now();
    // Cockpit's "retry" on each incident: one more attempt for the failed job
    for (Job job : sendJobs(instances)) {
      assertThat(asAdmin.put("/engine-rest/job/" + job.getId() + "/retries", "{\"retries\": 1}").statusCode())
          .isEqualTo(204);
      management.executeJob(job.getId());
    }
    double recoverySeconds = Duration.between(back, Instant.now()).toMillis() / 1000.0;

    assertThat(sendJobs(instances)).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT WHERE PROC_INST_ID_ IN (" + in(instances) + ")")).isZero();
    assertThat(outboxStatuses(references)).containsOnlyKeys("SENT").containsEntry("SENT", 2L * COMPLAINTS);
    assertThat(mailsPerSubject(references, mailsBefore)).hasSize(2 * COMPLAINTS).allSatisfy((subject, times) ->
        assertThat(times).as(subject).isEqualTo(1));
    jdbc.query("SELECT id, message_id FROM notification_outbox WHERE complaint_reference IN (" + in(references) + ")",
        rs -> {
          assertThat(rs.getString(2)).as("the Message-ID of every attempt").isEqualTo(messageIds.get(rs.getLong(1)));
        });
    assertThat(Arrays.stream(SMTP.getReceivedMessages()).skip(mailsBefore).map(SmtpOutageTest::messageId))
        .containsExactlyInAnyOrderElementsOf(messageIds.values());
    System.out.printf("[measurement] SMTP outage, %d complaints on PostgreSQL: %d mails, %d failed attempts"
        + " (3 each, 5 min apart), %d incidents; after SMTP came back all sent once in %.1f s%n",
        COMPLAINTS, 2 * COMPLAINTS, failedAttempts, 2 * COMPLAINTS, recoverySeconds);
  }

  private List<Job> sendJobs(List<String> instances) {
    return management.createJobQuery().activityId(MessageDeliveryProcess.TASK_DELIVER).list().stream()
        .filter(job -> instances.contains(job.getProcessInstanceId())).toList();
  }

  /** The MessageDelivery instances of these complaints' messages. */
  private List<String> deliveriesOf(List<String> references) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MessageDeliveryProcess.KEY)
        .list().stream().filter(i -> references.contains(i.getBusinessKey())).map(ProcessInstance::getId).toList();
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String instanceOf(String reference) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId();
  }

  private Map<String, Long> outboxStatuses(List<String> references) {
    Map<String, Long> statuses = new HashMap<>();
    jdbc.query("SELECT status, COUNT(*) FROM notification_outbox WHERE complaint_reference IN (" + in(references)
        + ") GROUP BY status", rs -> {
          statuses.put(rs.getString(1), rs.getLong(2));
        });
    return statuses;
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private static String in(List<String> values) {
    return String.join(",", values.stream().map(v -> "'" + v + "'").toList());
  }
}
