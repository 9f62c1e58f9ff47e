package com.redress.complaint;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AcknowledgeComplaint: queues the acknowledgement with the reference and status link. */
@Component
class AcknowledgeComplaintDelegate implements JavaDelegate {

  private final CustomerMessages messages;

  AcknowledgeComplaintDelegate(CustomerMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    messages.acknowledgement(ComplaintHandlingProcess.reference(execution));
  }
}
