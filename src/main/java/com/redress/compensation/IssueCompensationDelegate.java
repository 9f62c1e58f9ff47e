package com.redress.compensation;

import static com.redress.compensation.CompensationApprovalProcess.COMPENSATION_OUTCOME;
import static com.redress.compensation.CompensationApprovalProcess.PROPOSAL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_IssueCompensation: issues the approved compensation, once. */
@Component
class IssueCompensationDelegate implements JavaDelegate {

  private final CompensationService compensations;

  IssueCompensationDelegate(CompensationService compensations) {
    this.compensations = compensations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    compensations.issue(PROPOSAL_ID.require(execution));
    COMPENSATION_OUTCOME.set(execution, Compensation.Status.ISSUED.name());
  }
}
