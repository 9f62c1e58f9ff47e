package com.redress.compensation;

import com.redress.language.Phrase;
import static com.redress.compensation.CompensationApprovalProcess.DECISION;
import static com.redress.compensation.CompensationApprovalProcess.DECISION_REASON;
import static com.redress.compensation.CompensationApprovalProcess.LOWERED_AMOUNT;
import static com.redress.compensation.CompensationApprovalProcess.PROPOSAL_ID;

import com.redress.language.Wording;
import com.redress.shared.CompletionCheck;
import com.redress.shared.CompletionChecks;
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
  private final CompletionChecks checks;

  ValidateApprovalListener(CompensationService compensations, ApprovalFourEyes fourEyes,
      RecordApprovalDecisionDelegate record, CompletionChecks checks) {
    this.compensations = compensations;
    this.fourEyes = fourEyes;
    this.record = record;
    this.checks = checks;
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
    CompletionCheck check = checks.of(execution);
    String approver = check.actingUser();
    Wording refusal = fourEyes.refusal(id, approver);
    if (approver == null) {
      check.problem("approver", Phrase.USER_UNKNOWN);
    } else if (refusal != null) {
      check.problem("approver", refusal);
    }
    Compensation.Verdict verdict = check.enumValue(DECISION.name(), Compensation.Verdict.class);
    BigDecimal current = proposal.currentAmount();
    if (verdict == Compensation.Verdict.LOWER) {
      Object text = LOWERED_AMOUNT.get(execution);
      Wording problem = text == null ? Phrase.REQUIRED_WHEN_LOWERING.with() : null;
      Phrase invalid = text == null ? null : Money.amountProblem(text.toString());
      if (invalid != null) {
        problem = invalid.with();
      } else if (text != null) {
        BigDecimal lowered = new BigDecimal(text.toString().strip());
        if (lowered.signum() <= 0) {
          problem = Phrase.LOWERED_NOT_POSITIVE.with();
        } else if (lowered.compareTo(current) >= 0) {
          problem = Phrase.LOWERED_NOT_BELOW.with(current.toPlainString());
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
    check.refuseIfInvalid(Phrase.REFUSED_COMPENSATION_DECISION);
    EarlierModels.recordWithoutStep(execution, CompensationApprovalProcess.TASK_RECORD_DECISION, record::execute);
  }
}
