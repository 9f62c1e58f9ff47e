package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.EXCESS_DECISION;
import static com.redress.award.EmployeeAwardProcess.EXCESS_REASON;
import static com.redress.award.EmployeeAwardProcess.TASK_APPROVE_EXCESS;

import com.redress.shared.CompletionCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordExcessDecision, right after Task_ApproveAwardExcess in its transaction: records
 * finance's accepted decision on the cash above budget and empties the form.
 */
@Component
class RecordExcessDecisionDelegate implements JavaDelegate {

  private final AwardService awards;

  RecordExcessDecisionDelegate(AwardService awards) {
    this.awards = awards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    awards.decideExcess(execution.getProcessBusinessKey(),
        ValidateExcessListener.APPROVE.equals(EXCESS_DECISION.require(execution)),
        EXCESS_REASON.require(execution).strip(), CompletionCheck.actingUser(execution, TASK_APPROVE_EXCESS));
    EXCESS_DECISION.set(execution, null);
    EXCESS_REASON.set(execution, null);
  }
}
