package com.redress.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.identity.Groups;
import com.redress.support.Complaints;
import com.redress.support.FakePaymentProvider;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A step that fails for one complaint only (the payment provider refuses one customer's refund),
 * on PostgreSQL: its job is retried twice, 5 minutes apart, then raises an incident that names the
 * complaint; the other complaints' refunds are issued and their customers told meanwhile. Once the
 * provider accepts again, an administrator's retry issues the refund exactly once.
 */
class FailingStepTest extends PostgresApplicationTest {

  @Autowired ComplaintService complaints;
  @Autowired CompensationService compensations;
  @Autowired ManagementService management;
  @Autowired FakePaymentProvider payments;
  @Autowired JdbcTemplate jdbc;

  private final String closedAccount = "C-CLOSED-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void restore() {
    payments.acceptAgain(closedAccount);
    ClockUtil.reset();
  }

  @Test
  void oneComplaintsFailingRefundEndsInAnIncidentNamingItWhileTheOthersAreIssued() {
    String handler = TestUsers.ensure(engine.getIdentityService(), "failing-handler", Groups.TEAM_LOGISTICS);
    String admin = TestUsers.ensure(engine.getIdentityService(), "failing-admin", Groups.CAMUNDA_ADMIN);
    payments.refuse(closedAccount);
    Instant now = Instant.parse("2032-03-03T03:00:00Z");
    ClockUtil.setCurrentTime(Date.from(now));

    String failing = refundProposed(closedAccount);
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      others.add(refundProposed("C-" + UUID.randomUUID().toString().substring(0, 8)));
    }
    List<String> all = new ArrayList<>(others);
    all.add(0, failing);

    // as the job executor would: every due issue step, three rounds 5 minutes apart
    int failedAttempts = 0;
    for (int round = 0; round < 3; round++) {
      for (String reference : all) {
        Job issue = issueJob(reference);
        if (issue != null && issue.getRetries() > 0
            && (issue.getDuedate() == null || !issue.getDuedate().toInstant().isAfter(now))) {
          try {
            management.executeJob(issue.getId());
          } catch (RuntimeException expected) {
            failedAttempts++;
          }
        }
      }
      now = now.plus(Duration.ofMinutes(5));
      ClockUtil.setCurrentTime(Date.from(now));
    }

    assertThat(failedAttempts).isEqualTo(3);
    for (String reference : others) {
      assertThat(compensations.get(reference + "/0").status()).as(reference).isEqualTo(Compensation.Status.ISSUED);
      assertThat(payments.paymentsFor(reference + "/0")).hasSize(1);
      assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE complaint_reference = ? AND kind = 'RESOLUTION'",
          reference)).as("the customer is told").isEqualTo(1);
    }
    String id = failing + "/0";
    assertThat(compensations.get(id).status()).isEqualTo(Compensation.Status.APPROVED);
    assertThat(compensations.issued(id)).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE complaint_reference = ?", failing))
        .as("only the acknowledgement: the resolution waits for the refund").isEqualTo(1);

    Http asAdmin = http.as(admin, TestUsers.PASSWORD);
    JsonNode incidents = Http.json(asAdmin.get("/engine-rest/incident?maxResults=10&processInstanceId="
        + issueJob(failing).getProcessInstanceId()));
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).get("activityId").asText()).isEqualTo(CompensationApprovalProcess.TASK_ISSUE);
    assertThat(incidents.get(0).get("incidentMessage").asText()).startsWith(failing + ": ")
        .contains("account of " + closedAccount + " is closed");

    payments.acceptAgain(closedAccount);
    Job issue = issueJob(failing);
    assertThat(asAdmin.put("/engine-rest/job/" + issue.getId() + "/retries", "{\"retries\": 1}").statusCode())
        .isEqualTo(204);
    management.executeJob(issue.getId());

    assertThat(compensations.get(id).status()).isEqualTo(Compensation.Status.ISSUED);
    assertThat(payments.paymentsFor(id)).hasSize(1);
    assertThat(count("SELECT COUNT(*) FROM compensation_issue WHERE compensation_id = ?", id)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM audit_event WHERE chain_key = ? AND event_type = 'compensation-issued'",
        failing)).isEqualTo(1);
    assertThat(Http.json(asAdmin.get("/engine-rest/incident/count?processInstanceId=" + issue.getProcessInstanceId()))
        .get("count").asLong()).isZero();
  }

  /** A DELAY complaint of {@code customer} handled with a refund within the handler's own authority. */
  private String refundProposed(String customer) {
    String reference = complaints.submit(Complaints.of(customer, "ORD-" + customer, Category.DELAY,
        CustomerTier.STANDARD, "Parcel two days late"), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    var task = Handling.task(engine, reference, ComplaintHandlingProcess.TASK_HANDLE);
    engine.getTaskService().claim(task.getId(), "failing-handler");
    engine.getTaskService().complete(task.getId(), Map.of("rootCause", "STAFF_ERROR",
        "resolution", "Delivered the parcel by courier the same evening.", "serviceFailureAcknowledged", true,
        "compensationType", "REFUND", "compensationAmount", "59.90", "compensationCurrency", "CNY",
        "compensationReason", "The delivery fee for a late delivery is refunded."));
    Jobs.continueAfter(engine, reference, ComplaintHandlingProcess.TASK_HANDLE);
    return reference;
  }

  private Job issueJob(String reference) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(CompensationApprovalProcess.KEY).list().stream()
        .map(instance -> management.createJobQuery().processInstanceId(instance.getId())
            .activityId(CompensationApprovalProcess.TASK_ISSUE).singleResult())
        .filter(job -> job != null).findFirst().orElse(null);
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
