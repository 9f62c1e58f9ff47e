package com.redress.classification;

import com.redress.complaint.ComplaintHandlingProcess;
import static com.redress.complaint.ComplaintHandlingProcess.CLASSIFICATION;
import static com.redress.complaint.ComplaintHandlingProcess.DECISION_CLASSIFICATION;
import static com.redress.complaint.ComplaintHandlingProcess.FIRST_RESPONSE_SLA_HOURS;
import static com.redress.complaint.ComplaintHandlingProcess.HANDLER_GROUP;
import static com.redress.complaint.ComplaintHandlingProcess.RESOLUTION_DUE;
import static com.redress.complaint.ComplaintHandlingProcess.RESOLUTION_SLA_HOURS;
import static com.redress.complaint.ComplaintHandlingProcess.SEVERITY;
import static com.redress.complaint.ComplaintHandlingProcess.SLA_WARNING_AT;
import static com.redress.complaint.ComplaintHandlingProcess.TRIAGED_BY;

import com.redress.complaint.Complaint;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.Severity;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyClassification: takes the rules' result, or the dispatcher's triage when no rule
 * matched, stores it on the complaint and exposes what the handling task needs.
 */
@Component
class ApplyClassificationDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  ApplyClassificationDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> rules = CLASSIFICATION.get(execution);
    Severity severity;
    String group;
    int firstResponseHours;
    int resolutionHours;
    String classifiedBy;
    if (rules != null) {
      severity = Severity.valueOf(SEVERITY.from(rules));
      group = HANDLER_GROUP.from(rules);
      firstResponseHours = ((Number) rules.get(FIRST_RESPONSE_SLA_HOURS.name())).intValue();
      resolutionHours = ((Number) rules.get(RESOLUTION_SLA_HOURS.name())).intValue();
      classifiedBy = DECISION_CLASSIFICATION;
    } else {
      severity = Severity.valueOf(SEVERITY.require(execution));
      group = HANDLER_GROUP.require(execution);
      firstResponseHours = FIRST_RESPONSE_SLA_HOURS.require(execution);
      resolutionHours = RESOLUTION_SLA_HOURS.require(execution);
      classifiedBy = TRIAGED_BY.get(execution);
    }
    Complaint.Classification stored = complaints.classify(ComplaintHandlingProcess.reference(execution), severity, group,
        classifiedBy, firstResponseHours, resolutionHours);
    SEVERITY.set(execution, severity.name());
    HANDLER_GROUP.set(execution, group);
    FIRST_RESPONSE_SLA_HOURS.set(execution, firstResponseHours);
    RESOLUTION_SLA_HOURS.set(execution, resolutionHours);
    RESOLUTION_DUE.set(execution, stored.resolutionDue().truncatedTo(ChronoUnit.MINUTES).toString());
    SLA_WARNING_AT.set(execution, stored.slaWarningAt().truncatedTo(ChronoUnit.MINUTES).toString());
  }
}
