package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_AMOUNT;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_CURRENCY;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_REASON;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_TYPE;
import static com.redress.complaint.ComplaintHandlingProcess.HANDLED_BY;
import static com.redress.complaint.ComplaintHandlingProcess.RESOLUTION;
import static com.redress.complaint.ComplaintHandlingProcess.ROOT_CAUSE;
import static com.redress.complaint.ComplaintHandlingProcess.SERVICE_FAILURE_ACKNOWLEDGED;

import com.redress.shared.Money;
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
    complaints.recordOutcome(ComplaintHandlingProcess.reference(execution),
        RootCause.valueOf(ROOT_CAUSE.require(execution)),
        RESOLUTION.require(execution).strip(),
        SERVICE_FAILURE_ACKNOWLEDGED.require(execution),
        HANDLED_BY.get(execution),
        proposal(execution));
  }

  private static Complaint.CompensationProposal proposal(DelegateExecution execution) {
    CompensationType type = CompensationType.valueOf(COMPENSATION_TYPE.require(execution));
    if (type == CompensationType.NONE) {
      return null;
    }
    return new Complaint.CompensationProposal(type,
        Money.parse(COMPENSATION_AMOUNT.require(execution), COMPENSATION_CURRENCY.require(execution)),
        COMPENSATION_REASON.require(execution).strip());
  }
}
