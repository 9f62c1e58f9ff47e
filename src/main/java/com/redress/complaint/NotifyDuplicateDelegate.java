package com.redress.complaint;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyDuplicate: queues the message that tells the customer the original's reference. */
@Component
class NotifyDuplicateDelegate implements JavaDelegate {

  private final CustomerMessages messages;

  NotifyDuplicateDelegate(CustomerMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    messages.duplicateNotice(ComplaintHandlingProcess.reference(execution));
  }
}
