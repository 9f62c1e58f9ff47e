package com.redress.compensation;

import static com.redress.compensation.CompensationApprovalProcess.APPROVAL_STEP;
import static com.redress.compensation.CompensationApprovalProcess.COMPENSATION_OUTCOME;
import static com.redress.compensation.CompensationApprovalProcess.CURRENT_AMOUNT;
import static com.redress.compensation.CompensationApprovalProcess.DECISION;
import static com.redress.compensation.CompensationApprovalProcess.DECISION_REASON;
import static com.redress.compensation.CompensationApprovalProcess.LOWERED_AMOUNT;
import static com.redress.compensation.CompensationApprovalProcess.MORE_APPROVALS;
import static com.redress.compensation.CompensationApprovalProcess.PROPOSAL_ID;
import static com.redress.compensation.CompensationApprovalProcess.TASK_APPROVE;

import com.redress.shared.CompletionCheck;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordApprovalDecision, right after Task_ApproveCompensation in its transaction: stores the
 * decision its end listener accepted and tells the gateway what follows (moreApprovals,
 * compensationOutcome, the current amount and step).
 */
@Component
class RecordApprovalDecisionDelegate implements JavaDelegate {

  private final CompensationService compensations;

  RecordApprovalDecisionDelegate(CompensationService compensations) {
    this.compensations = compensations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = PROPOSAL_ID.require(execution);
    Compensation.Verdict verdict = Compensation.Verdict.valueOf(DECISION.require(execution));
    BigDecimal lowered = verdict == Compensation.Verdict.LOWER
        ? new BigDecimal(LOWERED_AMOUNT.require(execution).strip()) : null;
    String reason = DECISION_REASON.get(execution);
    String text = reason == null || reason.isBlank() ? null : reason.strip();
    Compensation decided = compensations.decide(id, CompletionCheck.actingUser(execution, TASK_APPROVE), verdict,
        lowered, text);
    APPROVAL_STEP.set(execution, compensations.decisions(id).size());
    CURRENT_AMOUNT.set(execution, decided.currentAmount().toPlainString());
    MORE_APPROVALS.set(execution, decided.status() == Compensation.Status.AWAITING_APPROVAL);
    COMPENSATION_OUTCOME.set(execution, decided.status().name());
  }
}
