package com.redress.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.FakePaymentProvider;
import com.redress.support.Handling;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issuing survives a failure after its record is written: the payment provider (the one thing
 * outside Redress, so the one thing faked) fails the first refund call; the job is retried and
 * the customer gets one refund, one notice, one audit row of issuing.
 */
class IssuingExactlyOnceTest extends ApplicationTest {

  @Autowired ComplaintService complaints;
  @Autowired CompensationService compensations;
  @Autowired JdbcTemplate jdbc;
  @Autowired FakePaymentProvider payments;

  @Test
  void aRetriedIssueStepIssuesOnceAndTellsTheCustomerOnce() {
    String reference = complaints.submit(Complaints.of(Category.DELAY, CustomerTier.STANDARD), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    String handler = TestUsers.ensure(engine.getIdentityService(), "once-handler", Groups.TEAM_LOGISTICS);
    var task = Handling.task(engine, reference, ComplaintHandlingProcess.TASK_HANDLE);
    engine.getTaskService().claim(task.getId(), handler);
    engine.getTaskService().complete(task.getId(), Map.of("rootCause", "STAFF_ERROR",
        "resolution", "Delivered the parcel by courier the same evening.", "serviceFailureAcknowledged", true,
        "compensationType", "REFUND", "compensationAmount", "59.90", "compensationCurrency", "CNY",
        "compensationReason", "The delivery fee for a late delivery is refunded."));
    runJob(reference, ComplaintHandlingProcess.KEY, ComplaintHandlingProcess.TASK_HANDLE);

    Job issue = job(reference, CompensationApprovalProcess.KEY, CompensationApprovalProcess.TASK_ISSUE);
    payments.failNextCalls(1);
    assertThatThrownBy(() -> engine.getManagementService().executeJob(issue.getId()))
        .hasMessageContaining("payment provider timed out");
    String id = reference + "/0";
    assertThat(compensations.issued(id)).as("rolled back with the failure").isEmpty();
    assertThat(engine.getManagementService().createJobQuery().jobId(issue.getId()).singleResult().getRetries())
        .as("retried later").isEqualTo(2);

    engine.getManagementService().executeJob(issue.getId());

    assertThat(compensations.get(id).status()).isEqualTo(Compensation.Status.ISSUED);
    assertThat(payments.paymentsFor(id)).singleElement()
        .satisfies(p -> assertThat(p.amount().amount()).isEqualByComparingTo("59.90"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM compensation_issue WHERE compensation_id = ?",
        Integer.class, id)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?"
        + " AND event_type = 'compensation-issued'", Integer.class, reference)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE complaint_reference = ?"
        + " AND kind = 'RESOLUTION'", Integer.class, reference)).isEqualTo(1);
    assertThat(compensations.budget(Groups.TEAM_LOGISTICS,
        java.time.YearMonth.from(compensations.get(id).proposedAt())).spent().amount()).isPositive();

    // and a second run of the step, as after a crash between its commit and the job's removal, changes nothing
    Compensation.Issue first = compensations.issued(id).orElseThrow();
    assertThat(compensations.issue(id)).isEqualTo(first);
    assertThat(payments.paymentsFor(id)).hasSize(1);
  }

  private Job job(String reference, String processKey, String activity) {
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(processKey).singleResult().getId();
    return engine.getManagementService().createJobQuery().processInstanceId(instance).activityId(activity)
        .singleResult();
  }

  private void runJob(String reference, String processKey, String activity) {
    engine.getManagementService().executeJob(job(reference, processKey, activity).getId());
  }
}
