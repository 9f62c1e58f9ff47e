package com.redress.compensation;

import com.redress.complaint.ComplaintHandlingProcess;
import static com.redress.compensation.CompensationApprovalProcess.CURRENT_AMOUNT;
import static com.redress.compensation.CompensationApprovalProcess.GRANTED_LAST_90_DAYS;
import static com.redress.compensation.CompensationApprovalProcess.PROPOSAL_ID;
import static com.redress.compensation.CompensationApprovalProcess.PROPOSED_BY;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_AMOUNT;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_CURRENCY;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_TYPE;
import static com.redress.complaint.ComplaintHandlingProcess.CUSTOMER_TIER;
import static com.redress.complaint.ComplaintHandlingProcess.SEVERITY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RegisterProposal: the proposal awaits approval; the policy's inputs are set. */
@Component
class RegisterProposalDelegate implements JavaDelegate {

  private final CompensationService compensations;

  RegisterProposalDelegate(CompensationService compensations) {
    this.compensations = compensations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CompensationService.Registered registered = compensations.register(ComplaintHandlingProcess.reference(execution));
    Compensation c = registered.compensation();
    PROPOSAL_ID.set(execution, c.id());
    PROPOSED_BY.set(execution, c.proposedBy());
    GRANTED_LAST_90_DAYS.set(execution, registered.grantedLast90Days().toPlainString());
    CURRENT_AMOUNT.set(execution, c.currentAmount().toPlainString());
    // the policy decides on the stored complaint and proposal, not on variables a handler could have sent along
    COMPENSATION_TYPE.set(execution, c.type().name());
    COMPENSATION_AMOUNT.set(execution, c.amount().toPlainString());
    COMPENSATION_CURRENCY.set(execution, c.currency());
    SEVERITY.set(execution, registered.severity());
    CUSTOMER_TIER.set(execution, registered.customerTier());
  }
}
