package com.redress.classification;

import static com.redress.complaint.ComplaintHandlingProcess.FIRST_RESPONSE_SLA_HOURS;
import static com.redress.complaint.ComplaintHandlingProcess.HANDLER_GROUP;
import static com.redress.complaint.ComplaintHandlingProcess.RESOLUTION_SLA_HOURS;
import static com.redress.complaint.ComplaintHandlingProcess.SEVERITY;
import static com.redress.complaint.ComplaintHandlingProcess.TRIAGED_BY;

import com.redress.complaint.Severity;
import com.redress.language.Phrase;
import com.redress.shared.CompletionCheck;
import com.redress.shared.CompletionChecks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Completion check of Task_TriageComplaint: a dispatcher's classification must be complete and sane. */
@Component
class ValidateTriageListener implements ExecutionListener {

  static final int MAX_FIRST_RESPONSE_HOURS = 240;
  static final int MAX_RESOLUTION_HOURS = 2000;

  private final CompletionChecks checks;

  ValidateTriageListener(CompletionChecks checks) {
    this.checks = checks;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!CompletionCheck.isCompletion(execution)) {
      return;
    }
    CompletionCheck check = checks.of(execution);
    check.enumValue(SEVERITY.name(), Severity.class);
    check.oneOf(HANDLER_GROUP.name(), HandlerGroups.ALL);
    Integer firstResponse = check.wholeNumber(FIRST_RESPONSE_SLA_HOURS.name(), 1, MAX_FIRST_RESPONSE_HOURS);
    Integer resolution = check.wholeNumber(RESOLUTION_SLA_HOURS.name(), 1, MAX_RESOLUTION_HOURS);
    if (firstResponse != null && resolution != null && firstResponse > resolution) {
      check.problem(FIRST_RESPONSE_SLA_HOURS.name(), Phrase.FIRST_RESPONSE_AFTER_RESOLUTION);
    }
    check.refuseIfInvalid(Phrase.REFUSED_TRIAGE);
    TRIAGED_BY.set(execution, check.actingUser());
  }
}
