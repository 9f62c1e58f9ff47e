package com.redress.complaint;


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
    complaints.markUnresolved(ComplaintHandlingProcess.reference(execution));
  }
}
