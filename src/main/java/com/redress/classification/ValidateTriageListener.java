package com.redress.classification;

import static com.redress.complaint.ComplaintHandlingProcess.FIRST_RESPONSE_SLA_HOURS;
import static com.redress.complaint.ComplaintHandlingProcess.HANDLER_GROUP;
import static com.redress.complaint.ComplaintHandlingProcess.RESOLUTION_SLA_HOURS;
import static com.redress.complaint.ComplaintHandlingProcess.SEVERITY;
import static com.redress.complaint.ComplaintHandlingProcess.TRIAGED_BY;

import com.redress.complaint.Severity;
import com.redress.shared.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion check of Task_TriageComplaint: a dispatcher's classification must be complete and sane. */
@Component
class ValidateTriageListener implements TaskListener {

  static final int MAX_FIRST_RESPONSE_HOURS = 240;
  static final int MAX_RESOLUTION_HOURS = 2000;

  @Override
  public void notify(DelegateTask task) {
    TaskCompletion check = new TaskCompletion(task);
    check.enumValue(SEVERITY.name(), Severity.class);
    check.oneOf(HANDLER_GROUP.name(), HandlerGroups.ALL);
    Integer firstResponse = check.wholeNumber(FIRST_RESPONSE_SLA_HOURS.name(), 1, MAX_FIRST_RESPONSE_HOURS);
    Integer resolution = check.wholeNumber(RESOLUTION_SLA_HOURS.name(), 1, MAX_RESOLUTION_HOURS);
    if (firstResponse != null && resolution != null && firstResponse > resolution) {
      check.problem(FIRST_RESPONSE_SLA_HOURS.name(), "must not exceed resolutionSlaHours");
    }
    check.refuseIfInvalid("The triage cannot be completed");
    TRIAGED_BY.set(task, check.actingUser());
  }
}
