package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.COMPLAINT_REFERENCE;
import static com.redress.complaint.ComplaintHandlingProcess.HANDLED_BY;
import static com.redress.complaint.ComplaintHandlingProcess.RESOLUTION;
import static com.redress.complaint.ComplaintHandlingProcess.ROOT_CAUSE;
import static com.redress.complaint.ComplaintHandlingProcess.SERVICE_FAILURE_ACKNOWLEDGED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordOutcome: stores the handler's findings on the complaint, which is then resolved. */
@Component
class RecordHandlingOutcomeDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  RecordHandlingOutcomeDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.recordOutcome(COMPLAINT_REFERENCE.require(execution),
        RootCause.valueOf(ROOT_CAUSE.require(execution)),
        RESOLUTION.require(execution).strip(),
        SERVICE_FAILURE_ACKNOWLEDGED.require(execution),
        HANDLED_BY.get(execution));
  }
}
