package com.redress.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseNoReply: no answer in time; the complaint goes on to review and closing as UNRESOLVED_NO_REPLY. */
@Component
class CloseNoReplyDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  CloseNoReplyDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.markNoReply(ComplaintHandlingProcess.reference(execution));
  }
}
