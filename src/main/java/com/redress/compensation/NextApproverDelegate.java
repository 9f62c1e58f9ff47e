package com.redress.compensation;

import static com.redress.compensation.CompensationApprovalProcess.APPROVAL_DUE;
import static com.redress.compensation.CompensationApprovalProcess.APPROVAL_STEP;
import static com.redress.compensation.CompensationApprovalProcess.APPROVER_GROUP;
import static com.redress.compensation.CompensationApprovalProcess.BUDGET_LEFT;
import static com.redress.compensation.CompensationApprovalProcess.DECISION;
import static com.redress.compensation.CompensationApprovalProcess.DECISION_REASON;
import static com.redress.compensation.CompensationApprovalProcess.LOWERED_AMOUNT;
import static com.redress.compensation.CompensationApprovalProcess.PROPOSAL_ID;

import com.redress.shared.AppClock;
import com.redress.shared.BusinessCalendar;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NextApprover: the next group of the chain gets an approval task, due in 2 business days. */
@Component
class NextApproverDelegate implements JavaDelegate {

  private final CompensationService compensations;
  private final CompensationSettings settings;
  private final BusinessCalendar calendar;
  private final AppClock clock;

  NextApproverDelegate(CompensationService compensations, CompensationSettings settings, BusinessCalendar calendar,
      AppClock clock) {
    this.compensations = compensations;
    this.settings = settings;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = PROPOSAL_ID.require(execution);
    int decided = compensations.decisions(id).size();
    APPROVAL_STEP.set(execution, decided);
    String group = compensations.approverAfter(id, decided)
        .orElseThrow(() -> new IllegalStateException("No approver after step " + decided + " of " + id));
    APPROVER_GROUP.set(execution, group);
    Duration days = calendar.workingDay().multipliedBy(settings.approvalBusinessDays());
    APPROVAL_DUE.set(execution, calendar.plus(clock.now(), days).atZone(clock.businessZone()).toOffsetDateTime()
        .truncatedTo(ChronoUnit.MINUTES).toString());
    BUDGET_LEFT.set(execution, compensations.budgetLeft(compensations.get(id)).toPlainString() + " "
        + settings.currency());
    // each approver starts with an empty form
    DECISION.set(execution, null);
    LOWERED_AMOUNT.set(execution, null);
    DECISION_REASON.set(execution, null);
  }
}
