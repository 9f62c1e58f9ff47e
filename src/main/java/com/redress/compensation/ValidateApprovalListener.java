package com.redress.compensation;

import com.redress.language.Phrase;
import static com.redress.compensation.CompensationApprovalProcess.DECISION;
import static com.redress.compensation.CompensationApprovalProcess.DECISION_REASON;
import static com.redress.compensation.CompensationApprovalProcess.LOWERED_AMOUNT;
import static com.redress.compensation.CompensationApprovalProcess.PROPOSAL_ID;

import com.redress.shared.CompletionCheck;
import com.redress.shared.EarlierModels;
import com.redress.shared.Money;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of Task_ApproveCompensation: checks the decision (a reason for lowering or rejecting,
 * optional for approving; a lowered amount below the current one, never above) and the four-eyes
 * rule for whoever completes it. A refused completion changes nothing; Task_RecordApprovalDecision
 * records an accepted one.
 */
@Component
class ValidateApprovalListener implements ExecutionListener {

  static final int MIN_REASON = 10;
  static final int MAX_REASON = 2000;

  private final CompensationService compensations;
  private final ApprovalFourEyes fourEyes;
  private final RecordApprovalDecisionDelegate record;

  ValidateApprovalListener(CompensationService compensations, ApprovalFourEyes fourEyes,
      RecordApprovalDecisionDelegate record) {
    this.compensations = compensations;
    this.fourEyes = fourEyes;
    this.record = record;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!CompletionCheck.isCompletion(execution)) {
      return;
    }
    String id = PROPOSAL_ID.require(execution);
    // the proposal, its amount and its step come from the database: variables sent with the
    // completion could claim anything
    Compensation proposal = compensations.get(id);
    if (!proposal.complaintReference().equals(execution.getProcessBusinessKey())) {
      throw new IllegalStateException("Proposal " + id + " does not belong to " + execution.getProcessBusinessKey());
    }
    CompletionCheck check = new CompletionCheck(execution);
    String approver = check.actingUser();
    String refusal = fourEyes.refusal(id, approver);
    if (approver == null) {
      check.problem("approver", "is unknown: claim the task or complete it as a signed-in user");
    } else if (refusal != null) {
      check.problem("approver", refusal);
    }
    Compensation.Verdict verdict = check.enumValue(DECISION.name(), Compensation.Verdict.class);
    BigDecimal current = proposal.currentAmount();
    if (verdict == Compensation.Verdict.LOWER) {
      Object text = LOWERED_AMOUNT.get(execution);
      Phrase invalid = text == null ? null : Money.amountProblem(text.toString());
      String problem = text == null ? "is required when lowering" : invalid == null ? null : invalid.english();
      if (problem == null) {
        BigDecimal lowered = new BigDecimal(text.toString().strip());
        if (lowered.signum() <= 0) {
          problem = "must be more than 0; reject the proposal instead";
        } else if (lowered.compareTo(current) >= 0) {
          problem = "must be below the current " + current.toPlainString() + " (an approver can lower, never raise)";
        }
      }
      if (problem != null) {
        check.problem(LOWERED_AMOUNT.name(), problem);
      }
    }
    // a reason is owed for lowering or rejecting; an approver may give one for approving too
    if (verdict == Compensation.Verdict.LOWER || verdict == Compensation.Verdict.REJECT) {
      check.text(DECISION_REASON.name(), MIN_REASON, MAX_REASON);
    } else {
      check.optionalText(DECISION_REASON.name(), MIN_REASON, MAX_REASON);
    }
    check.refuseIfInvalid("Compensation decision refused");
    EarlierModels.recordWithoutStep(execution, CompensationApprovalProcess.TASK_RECORD_DECISION, record::execute);
  }
}
