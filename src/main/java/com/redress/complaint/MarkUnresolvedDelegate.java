package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.COMPLAINT_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_MarkUnresolved: unhappy with no reopening left. */
@Component
class MarkUnresolvedDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  MarkUnresolvedDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.markUnresolved(COMPLAINT_REFERENCE.require(execution));
  }
}
