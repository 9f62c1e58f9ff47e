package com.redress.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindCustomer: the question once more, as a reminder. */
@Component
class RemindCustomerDelegate implements JavaDelegate {

  private final CustomerMessages messages;

  RemindCustomerDelegate(CustomerMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    messages.question(ComplaintHandlingProcess.reference(execution), true);
  }
}
