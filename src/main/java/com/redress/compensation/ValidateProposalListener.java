package com.redress.compensation;

import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_AMOUNT;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_CURRENCY;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_TYPE;

import com.redress.complaint.CompensationType;
import com.redress.language.Phrase;
import com.redress.shared.CompletionCheck;
import com.redress.shared.CompletionChecks;
import com.redress.shared.Money;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of Task_HandleComplaint, after the outcome's own checks: a proposed compensation must be
 * more than zero, in the budget's currency and within what the policy's highest band covers.
 */
@Component
class ValidateProposalListener implements ExecutionListener {

  private final CompensationSettings settings;
  private final CompletionChecks checks;

  ValidateProposalListener(CompensationSettings settings, CompletionChecks checks) {
    this.settings = settings;
    this.checks = checks;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String type = COMPENSATION_TYPE.get(execution);
    if (!CompletionCheck.isCompletion(execution) || type == null || CompensationType.NONE.name().equals(type)) {
      return;
    }
    CompletionCheck check = checks.of(execution);
    Money amount = check.money(COMPENSATION_AMOUNT.name(), COMPENSATION_CURRENCY.name());
    if (amount != null) {
      if (!settings.currency().equals(amount.currency())) {
        check.problem(COMPENSATION_CURRENCY.name(), Phrase.BUDGET_CURRENCY, settings.currency());
      }
      if (amount.amount().signum() <= 0) {
        check.problem(COMPENSATION_AMOUNT.name(), Phrase.PROPOSAL_NOT_POSITIVE);
      } else if (amount.amount().compareTo(settings.maxAmount()) > 0) {
        check.problem(COMPENSATION_AMOUNT.name(), Phrase.PROPOSAL_ABOVE_BANDS, settings.maxAmount().toPlainString());
      }
    }
    check.refuseIfInvalid(Phrase.REFUSED_PROPOSAL);
  }
}
