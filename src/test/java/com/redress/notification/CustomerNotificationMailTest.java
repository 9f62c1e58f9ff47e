package com.redress.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.redress.audit.AuditTimeline;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.language.Language;
import com.redress.shared.ContactMasking;
import com.redress.shared.Hashing;
import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.Jobs;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Customer e-mail through a real SMTP server (GreenMail): sent once, escaped, and never lost when SMTP is down. */
class CustomerNotificationMailTest extends ApplicationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired AuditTimeline timeline;
  @Autowired ManagementService management;

  @AfterEach
  void smtpBackUp() {
    if (!SMTP.isRunning()) {
      SMTP.start();
    }
  }

  private String submit(String email, String subject) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String body = """
        {"customer": {"id": "C-%s", "name": "<b>Li</b> & Wei", "email": "%s", "tier": "GOLD"},
         "channel": "WEB", "category": "DAMAGE", "subject": "%s",
         "description": "<script>alert('x')</script> the vase",
         "orderReference": "ORD-%s", "orderAmount": {"amount": "800.00", "currency": "CNY"}}
        """.formatted(unique, email, subject, unique);
    // a customer who has followed a link from one of our mails before: they may be quoted (ConfirmedAddresses)
    jdbc.update("INSERT INTO confirmed_address (email_hash, confirmed_at) VALUES (?, CURRENT_TIMESTAMP)",
        Hashing.sha256Hex(email.toLowerCase()));
    var response = http.postJson("/api/complaints", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String reference = Http.json(response).get("reference").asText();
    Jobs.continueAfterRegistration(engine, reference);
    return reference;
  }

  private Job sendJob(String reference) {
    List<Job> deliveries = Jobs.messageDeliveries(engine, reference);
    assertThat(deliveries).as("the acknowledgement's delivery").hasSize(1);
    return deliveries.get(0);
  }

  private MimeMessage[] mailsTo(String recipient) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(recipient);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toArray(MimeMessage[]::new);
  }

  @Test
  void acknowledgementArrivesOnceWithCustomerTextEscaped() throws Exception {
    String recipient = "ack-" + UUID.randomUUID() + "@example.com";
    String reference = submit(recipient, "Broken <i>vase</i>");
    assertThat(mailsTo(recipient)).as("queued, not sent, within the submission").isEmpty();

    management.executeJob(sendJob(reference).getId());

    MimeMessage[] mails = mailsTo(recipient);
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getSubject()).contains(reference);
    String html = (String) mails[0].getContent(); // decoded by Jakarta Mail, whatever the transfer encoding
    assertThat(html).doesNotContain("<script>").doesNotContain("<b>Li</b>").doesNotContain("<i>vase</i>");
    assertThat(html).contains("&lt;script&gt;").contains("&lt;b&gt;Li&lt;/b&gt; &amp; Wei")
        .contains("/complaints/" + reference + "?token=")
        .contains("(CST)"); // the resolve-by time in the business time zone, whatever the database returns
    assertThat(jdbc.queryForObject("SELECT status FROM notification_outbox WHERE complaint_reference = ?",
        String.class, reference)).isEqualTo("SENT");
    // the link's token opens the complaint
    String link = html.replaceAll("(?s).*?(/complaints/[^\"<\\s]+).*", "$1");
    String token = link.substring(link.indexOf("token=") + 6);
    assertThat(http.get("/api/complaints/" + reference + "?token=" + token).statusCode()).isEqualTo(200);
    assertThat(Jobs.messageDeliveries(engine, reference)).as("the delivery ran once and is gone").isEmpty();
    assertThat(mails[0].getMessageID()).isEqualTo(jdbc.queryForObject(
        "SELECT message_id FROM notification_outbox WHERE complaint_reference = ?", String.class, reference));

    // the auditor sees what was sent to whom, with which template, and when
    Map<String, Object> sent = jdbc.queryForMap("SELECT actor, details FROM audit_event WHERE chain_key = ?"
        + " AND event_type = 'message-sent'", reference);
    assertThat(sent.get("ACTOR")).as("the relay, not a person").isNull();
    // the address is sealed under the case's key, so that erasure can destroy it (docs/adr/0017)
    assertThat((String) sent.get("DETAILS")).doesNotContain(recipient).contains("\"recipient\":{\"sealed\":")
        .contains("\"kind\":\"ACKNOWLEDGEMENT\"").contains("\"messageId\":\"" + mails[0].getMessageID() + "\"")
        .contains("\"queuedAt\"");
    assertThat(timeline.of(reference, ZoneOffset.UTC)).filteredOn(e -> e.type().equals("message-sent"))
        .singleElement().satisfies(e -> assertThat(e.details().get("recipient")).isEqualTo(ContactMasking.email(recipient)));
  }

  /** Each message has a delivery of its own: one that keeps failing holds back neither the case nor the others. */
  @Test
  void aFailingMessageHoldsBackNeitherTheCaseNorItsOtherMessages() throws Exception {
    String recipient = "other-" + UUID.randomUUID() + "@example.com";
    String reference = submit(recipient, "Vase");
    bean(TransactionTemplate.class).executeWithoutResult(tx -> bean(NotificationService.class).enqueue(
        new OutgoingMessage(reference + ":BROKEN", reference, "SLA_WARNING", "not an address@@", "Broken",
            "mail/sla-warning", Map.of("complaint", bean(ComplaintService.class).get(reference),
                "tasklistLink", "http://localhost/camunda/app/tasklist/"), Language.EN)));
    List<Job> deliveries = Jobs.messageDeliveries(engine, reference);
    assertThat(deliveries).hasSize(2);

    for (int attempt = 1; attempt <= 3; attempt++) {
      for (Job job : Jobs.messageDeliveries(engine, reference)) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException expected) {
          assertThat(expected).hasMessageContaining("Sending message");
        }
      }
    }

    assertThat(mailsTo(recipient)).as("the good one went out at the first attempt").hasSize(1);
    Job broken = Jobs.messageDeliveries(engine, reference).get(0);
    assertThat(Jobs.messageDeliveries(engine, reference)).as("only the broken one is left").hasSize(1);
    assertThat(broken.getRetries()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(broken.getProcessInstanceId())
        .count()).as("an incident on the broken message's delivery").isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE).count()).as("the complaint waits for its handler")
        .isEqualTo(1);
  }

  @Test
  void smtpDownMeansRetriesThenAnIncidentAndTheMailStaysInTheOutbox() throws Exception {
    String recipient = "down-" + UUID.randomUUID() + "@example.com";
    String reference = submit(recipient, "Vase");
    SMTP.stop();

    String jobId = sendJob(reference).getId();
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("Sending message");
    }

    Job job = management.createJobQuery().jobId(jobId).singleResult();
    assertThat(job.getRetries()).isZero();
    Incident incident = engine.getRuntimeService().createIncidentQuery().configuration(jobId).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(MessageDeliveryProcess.TASK_DELIVER);
    assertThat(incident.getIncidentMessage()).startsWith(reference + ": ");
    Map<String, Object> outbox = jdbc.queryForMap(
        "SELECT status, attempts, last_error, message_id FROM notification_outbox WHERE complaint_reference = ?",
        reference);
    assertThat(outbox.get("STATUS")).isEqualTo("PENDING");
    assertThat(((Number) outbox.get("ATTEMPTS")).intValue()).isEqualTo(3);
    assertThat((String) outbox.get("LAST_ERROR")).isNotBlank();
    // the complaint itself was never held up: handling goes on
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);

    SMTP.start();
    management.setJobRetries(jobId, 1);
    management.executeJob(jobId);
    assertThat(mailsTo(recipient)).hasSize(1);
    assertThat(mailsTo(recipient)[0].getMessageID()).as("the Message-ID its failed attempts had")
        .isEqualTo(outbox.get("MESSAGE_ID"));
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count())
        .isZero();
  }
}
