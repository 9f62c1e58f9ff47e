package com.redress.compensation;

import static com.redress.compensation.CompensationApprovalProcess.PROPOSAL_ID;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ApproveCompensation, on claim or assignment: the proposer and earlier approvers are
 * refused with a plain message (engine REST answers it with 500, see ADR 7).
 */
@Component
class ApprovalFourEyesListener implements TaskListener {

  private final ApprovalFourEyes fourEyes;

  ApprovalFourEyesListener(ApprovalFourEyes fourEyes) {
    this.fourEyes = fourEyes;
  }

  @Override
  public void notify(DelegateTask task) {
    String refusal = fourEyes.refusal(PROPOSAL_ID.require(task), task.getAssignee());
    if (refusal != null) {
      throw new ProcessEngineException(refusal);
    }
  }
}
