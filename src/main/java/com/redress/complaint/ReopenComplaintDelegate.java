package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_AMOUNT;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_REASON;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_TYPE;
import static com.redress.complaint.ComplaintHandlingProcess.HANDLER_GROUP;
import static com.redress.complaint.ComplaintHandlingProcess.PREVIOUS_OUTCOME;
import static com.redress.complaint.ComplaintHandlingProcess.RESOLUTION;
import static com.redress.complaint.ComplaintHandlingProcess.RESOLUTION_DUE;
import static com.redress.complaint.ComplaintHandlingProcess.SLA_WARNING_AT;
import static com.redress.complaint.ComplaintHandlingProcess.SURVEY_SCORE;

import com.redress.identity.Groups;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ReopenComplaint: the handling task comes back for supervisors with a fresh SLA, showing what
 * was done and what the customer said. The earlier resolution text and proposal are cleared so a
 * supervisor cannot resubmit them unseen (the proposal was stored with the earlier outcome).
 */
@Component
class ReopenComplaintDelegate implements JavaDelegate {

  private final ComplaintService complaints;
  private final SurveyService surveys;

  ReopenComplaintDelegate(ComplaintService complaints, SurveyService surveys) {
    this.complaints = complaints;
    this.surveys = surveys;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ComplaintHandlingProcess.reference(execution);
    Complaint before = complaints.get(reference);
    Survey answer = surveys.latest(reference).orElseThrow();
    Complaint.Classification renewed = complaints.reopen(reference);
    PREVIOUS_OUTCOME.set(execution, "Root cause: " + before.outcome().rootCause()
        + "\nResolution" + (before.outcome().resolvedBy() == null ? "" : " (by " + before.outcome().resolvedBy() + ")")
        + ": " + before.outcome().resolution()
        + "\nCustomer's rating: " + SURVEY_SCORE.require(execution) + " of 5"
        + (answer.comment() == null ? "" : "\nCustomer's comment: " + answer.comment()));
    HANDLER_GROUP.set(execution, Groups.SUPERVISORS);
    RESOLUTION_DUE.set(execution, renewed.resolutionDue().truncatedTo(ChronoUnit.MINUTES).toString());
    SLA_WARNING_AT.set(execution, renewed.slaWarningAt().truncatedTo(ChronoUnit.MINUTES).toString());
    RESOLUTION.set(execution, null);
    COMPENSATION_TYPE.set(execution, CompensationType.NONE.name());
    COMPENSATION_AMOUNT.set(execution, null);
    COMPENSATION_REASON.set(execution, null);
  }
}
