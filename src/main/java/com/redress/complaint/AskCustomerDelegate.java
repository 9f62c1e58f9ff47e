package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.CUSTOMER_ANSWER;
import static com.redress.complaint.ComplaintHandlingProcess.CUSTOMER_QUESTION;
import static com.redress.complaint.ComplaintHandlingProcess.HANDLED_BY;
import static com.redress.complaint.ComplaintHandlingProcess.NO_REPLY_AT;
import static com.redress.complaint.ComplaintHandlingProcess.REMINDER_AT;
import static com.redress.complaint.ComplaintHandlingProcess.RETURN_TO;

import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_AskCustomer: the complaint waits for the customer's answer, its resolution SLA paused; the
 * question goes out by e-mail (and shows on the status page); the reminder and the closing without
 * reply are due in business hours from now.
 */
@Component
class AskCustomerDelegate implements JavaDelegate {

  private final ComplaintService complaints;
  private final CustomerMessages messages;
  private final WaitingPolicy waiting;

  AskCustomerDelegate(ComplaintService complaints, CustomerMessages messages, WaitingPolicy waiting) {
    this.complaints = complaints;
    this.messages = messages;
    this.waiting = waiting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ComplaintHandlingProcess.reference(execution);
    String askedBy = HANDLED_BY.get(execution);
    complaints.awaitCustomer(reference, CUSTOMER_QUESTION.require(execution).strip(), askedBy);
    messages.question(reference, false);
    OffsetDateTime asked = complaints.get(reference).waiting().since();
    REMINDER_AT.set(execution, waiting.reminderAt(asked).toString());
    NO_REPLY_AT.set(execution, waiting.noReplyAt(asked).toString());
    RETURN_TO.set(execution, askedBy);
    CUSTOMER_ANSWER.set(execution, null);
  }
}
