package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.HANDLED_BY;
import static com.redress.complaint.ComplaintHandlingProcess.RESOLUTION;
import static com.redress.complaint.ComplaintHandlingProcess.ROOT_CAUSE;
import static com.redress.complaint.ComplaintHandlingProcess.SERVICE_FAILURE_ACKNOWLEDGED;

import com.redress.shared.CompletionCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Completion check of Task_HandleComplaint, whatever the channel (Tasklist, REST, Java): a
 * refused completion rolls back and Tasklist shows the reason.
 */
@Component
class ValidateHandlingOutcomeListener implements ExecutionListener {

  static final int MIN_RESOLUTION = 10;

  @Override
  public void notify(DelegateExecution execution) {
    if (!CompletionCheck.isCompletion(execution)) {
      return;
    }
    CompletionCheck check = new CompletionCheck(execution);
    check.enumValue(ROOT_CAUSE.name(), RootCause.class);
    check.text(RESOLUTION.name(), MIN_RESOLUTION, ComplaintValidator.MAX_DESCRIPTION);
    check.flag(SERVICE_FAILURE_ACKNOWLEDGED.name());
    check.refuseIfInvalid("The complaint cannot be marked as handled");
    HANDLED_BY.set(execution, check.actingUser());
  }
}
