package com.redress.compensation;

import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_AMOUNT;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_CURRENCY;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_TYPE;

import com.redress.complaint.CompensationType;
import com.redress.shared.CompletionCheck;
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

  ValidateProposalListener(CompensationSettings settings) {
    this.settings = settings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String type = COMPENSATION_TYPE.get(execution);
    if (!CompletionCheck.isCompletion(execution) || type == null || CompensationType.NONE.name().equals(type)) {
      return;
    }
    CompletionCheck check = new CompletionCheck(execution);
    Money amount = check.money(COMPENSATION_AMOUNT.name(), COMPENSATION_CURRENCY.name());
    if (amount != null) {
      if (!settings.currency().equals(amount.currency())) {
        check.problem(COMPENSATION_CURRENCY.name(), "must be " + settings.currency() + ", the compensation budget's currency");
      }
      if (amount.amount().signum() <= 0) {
        check.problem(COMPENSATION_AMOUNT.name(), "must be more than 0; propose no compensation instead");
      } else if (amount.amount().compareTo(settings.maxAmount()) > 0) {
        check.problem(COMPENSATION_AMOUNT.name(), "must be at most " + settings.maxAmount().toPlainString()
            + ": no approval band covers more");
      }
    }
    check.refuseIfInvalid("The proposed compensation is refused");
  }
}
