package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.AWARD_ACTION;
import static com.redress.award.EmployeeAwardProcess.AWARD_REASON;
import static com.redress.award.EmployeeAwardProcess.AWARD_ROUTE;
import static com.redress.award.EmployeeAwardProcess.CUT_AWARD;
import static com.redress.award.EmployeeAwardProcess.CUT_HANDLER;
import static com.redress.award.EmployeeAwardProcess.TASK_APPROVE_AWARDS;

import com.redress.shared.CompletionCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordAwardDecision, right after Task_ApproveAwards in its transaction: records the
 * committee's accepted decision, tells the gateway the route (APPROVED, CHANGED, FINANCE), and
 * empties the form for the next round.
 */
@Component
class RecordAwardDecisionDelegate implements JavaDelegate {

  private final AwardService awards;

  RecordAwardDecisionDelegate(AwardService awards) {
    this.awards = awards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String runId = execution.getProcessBusinessKey();
    String member = CompletionCheck.actingUser(execution, TASK_APPROVE_AWARDS);
    String action = AWARD_ACTION.require(execution);
    if (ValidateAwardDecisionListener.CUT.equals(action)) {
      awards.cutAward(runId, CUT_HANDLER.require(execution).strip(), CUT_AWARD.require(execution).strip(),
          AWARD_REASON.require(execution).strip(), member);
    } else if (ValidateAwardDecisionListener.APPROVE.equals(action)) {
      awards.approveAwards(runId, member);
    }
    AWARD_ROUTE.set(execution, ValidateAwardDecisionListener.APPROVE.equals(action) ? "APPROVED"
        : ValidateAwardDecisionListener.CUT.equals(action) ? "CHANGED" : "FINANCE");
    AWARD_ACTION.set(execution, null);
    CUT_HANDLER.set(execution, null);
    CUT_AWARD.set(execution, null);
    AWARD_REASON.set(execution, null);
  }
}
