package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.CATEGORY;
import static com.redress.complaint.ComplaintHandlingProcess.CHANNEL;
import static com.redress.complaint.ComplaintHandlingProcess.COMPLAINTS_LAST_90_DAYS;
import static com.redress.complaint.ComplaintHandlingProcess.COMPLAINT_REFERENCE;
import static com.redress.complaint.ComplaintHandlingProcess.CUSTOMER_NAME;
import static com.redress.complaint.ComplaintHandlingProcess.CUSTOMER_TIER;
import static com.redress.complaint.ComplaintHandlingProcess.DESCRIPTION;
import static com.redress.complaint.ComplaintHandlingProcess.DUPLICATE;
import static com.redress.complaint.ComplaintHandlingProcess.DUPLICATE_OF;
import static com.redress.complaint.ComplaintHandlingProcess.ORDER_AMOUNT_UNITS;
import static com.redress.complaint.ComplaintHandlingProcess.SUBJECT;

import java.math.RoundingMode;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterComplaint: a complaint from the API is already stored; one from Tasklist's
 * start form is stored here. Then duplicates are detected and the rules' inputs set.
 */
@Component
class RegisterComplaintDelegate implements JavaDelegate {

  private final ComplaintService complaints;
  private final StartForm startForm;

  RegisterComplaintDelegate(ComplaintService complaints, StartForm startForm) {
    this.complaints = complaints;
    this.startForm = startForm;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = COMPLAINT_REFERENCE.get(execution);
    if (reference == null) {
      reference = complaints.create(startForm.read(execution));
      execution.setProcessBusinessKey(reference);
      COMPLAINT_REFERENCE.set(execution, reference);
      execution.removeVariables(StartForm.DROPPED_AFTER_INTAKE);
    } else {
      refuseSecondCase(execution, reference, complaints.get(reference));
    }
    ComplaintService.Registration registration = complaints.register(reference);
    Complaint complaint = registration.complaint();
    DUPLICATE.set(execution, registration.duplicateOf() != null);
    DUPLICATE_OF.set(execution, registration.duplicateOf());
    CUSTOMER_NAME.set(execution, complaint.customer().name());
    CUSTOMER_TIER.set(execution, complaint.customer().tier().name());
    CHANNEL.set(execution, complaint.channel().name());
    CATEGORY.set(execution, complaint.category().name());
    SUBJECT.set(execution, complaint.subject());
    DESCRIPTION.set(execution, complaint.description());
    ORDER_AMOUNT_UNITS.set(execution, complaint.orderAmount() == null ? 0L
        : complaint.orderAmount().amount().setScale(0, RoundingMode.DOWN).longValueExact());
    COMPLAINTS_LAST_90_DAYS.set(execution, registration.complaintsLast90Days());
  }

  /**
   * A start with a reference must be the one intake made: started by Redress itself (intake runs
   * as the system; a signed-in user starts through the start form, which makes a new reference),
   * same business key, the complaint just received, and no other case for that complaint already
   * stored (this one is not flushed yet, so the query cannot see it; checked past the caller's
   * authorizations, which may hide the other case). A closed complaint is never started again.
   */
  private static void refuseSecondCase(DelegateExecution execution, String reference, Complaint complaint) {
    if (Context.getCommandContext().getAuthenticatedUserId() != null || complaint.status() != ComplaintStatus.RECEIVED) {
      throw new ProcessEngineException("Complaint " + reference + " is already being handled or done ("
          + complaint.status() + "); only intake starts its case, once");
    }
    long cases = Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices()
        .getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).count());
    if (!reference.equals(execution.getProcessBusinessKey()) || cases > 0) {
      throw new ProcessEngineException("Complaint " + reference + " is already being handled; it cannot be started again");
    }
  }
}
