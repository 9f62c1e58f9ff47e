package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.CATEGORY;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_AMOUNT;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_CURRENCY;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_REASON;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_TYPE;
import static com.redress.complaint.ComplaintHandlingProcess.CUSTOMER_QUESTION;
import static com.redress.complaint.ComplaintHandlingProcess.HANDLED_BY;
import static com.redress.complaint.ComplaintHandlingProcess.HANDLING_ACTION;
import static com.redress.complaint.ComplaintHandlingProcess.RESOLUTION;
import static com.redress.complaint.ComplaintHandlingProcess.ROOT_CAUSE;
import static com.redress.complaint.ComplaintHandlingProcess.SERVICE_FAILURE_ACKNOWLEDGED;

import com.redress.language.Phrase;
import com.redress.shared.CompletionCheck;
import com.redress.shared.CompletionChecks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Completion check of Task_HandleComplaint, whatever the channel (Tasklist, REST, Java): a
 * refused completion rolls back and Tasklist shows the reason. The handler either resolves the
 * complaint (root cause, resolution, maybe a compensation) or asks the customer a question first,
 * which needs a question and a customer with an e-mail address.
 */
@Component
class ValidateHandlingOutcomeListener implements ExecutionListener {

  static final int MIN_RESOLUTION = 10;
  static final int MAX_COMPENSATION_REASON = 2000;
  static final int MAX_QUESTION = 2000;

  private final CompletionChecks checks;
  private final ComplaintService complaints;

  ValidateHandlingOutcomeListener(CompletionChecks checks, ComplaintService complaints) {
    this.checks = checks;
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!CompletionCheck.isCompletion(execution)) {
      return;
    }
    CompletionCheck check = checks.of(execution);
    // completions from before the choice existed, and scripts that only resolve, resolve
    if (HANDLING_ACTION.get(execution) == null) {
      HANDLING_ACTION.set(execution, HandlingAction.RESOLVE.name());
    }
    if (check.enumValue(HANDLING_ACTION.name(), HandlingAction.class) == HandlingAction.ASK_CUSTOMER) {
      check.text(CUSTOMER_QUESTION.name(), MIN_RESOLUTION, MAX_QUESTION);
      if (complaints.get(ComplaintHandlingProcess.reference(execution)).customer().email() == null) {
        check.problem(CUSTOMER_QUESTION.name(), Phrase.NO_CUSTOMER_EMAIL);
      }
      // nothing is proposed while the question is open
      COMPENSATION_TYPE.set(execution, CompensationType.NONE.name());
      check.refuseIfInvalid(Phrase.REFUSED_HANDLING_OUTCOME);
      HANDLED_BY.set(execution, check.actingUser());
      return;
    }
    RootCause rootCause = check.enumValue(ROOT_CAUSE.name(), RootCause.class);
    Category category = Category.valueOf(CATEGORY.require(execution));
    if (rootCause != null && !RootCause.allowedFor(category).contains(rootCause)) {
      check.problem(ROOT_CAUSE.name(), Phrase.ROOT_CAUSE_NOT_FOR_CATEGORY, category, RootCause.allowedFor(category));
    }
    check.text(RESOLUTION.name(), MIN_RESOLUTION, ComplaintValidator.MAX_DESCRIPTION);
    check.flag(SERVICE_FAILURE_ACKNOWLEDGED.name());
    // no compensation unless one is proposed; a proposal needs an amount, currency and reason
    if (COMPENSATION_TYPE.get(execution) == null) {
      COMPENSATION_TYPE.set(execution, CompensationType.NONE.name());
    }
    CompensationType compensation = check.enumValue(COMPENSATION_TYPE.name(), CompensationType.class);
    if (compensation != null && compensation != CompensationType.NONE) {
      check.money(COMPENSATION_AMOUNT.name(), COMPENSATION_CURRENCY.name());
      check.text(COMPENSATION_REASON.name(), MIN_RESOLUTION, MAX_COMPENSATION_REASON);
    }
    check.refuseIfInvalid(Phrase.REFUSED_HANDLING_OUTCOME);
    HANDLED_BY.set(execution, check.actingUser());
  }
}
