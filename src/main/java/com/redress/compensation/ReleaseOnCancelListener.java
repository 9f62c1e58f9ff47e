package com.redress.compensation;

import static com.redress.compensation.CompensationApprovalProcess.PROPOSAL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of a CompensationApproval instance: when it was cancelled rather than finished, its
 * reservation must not stay in the budget.
 */
@Component
class ReleaseOnCancelListener implements ExecutionListener {

  private final CompensationService compensations;

  ReleaseOnCancelListener(CompensationService compensations) {
    this.compensations = compensations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String id = PROPOSAL_ID.get(execution);
    if (execution.isCanceled() && id != null) {
      compensations.cancel(id);
    }
  }
}
