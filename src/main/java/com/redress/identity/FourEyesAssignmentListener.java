package com.redress.identity;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On claim, assignment or delegation of a four-eyes task: whoever its {@link FourEyesRule}
 * excludes is refused with a plain message (engine REST answers it with 500, see ADR 7).
 */
@Component
class FourEyesAssignmentListener implements TaskListener {

  private final FourEyesRefusals refusals;

  FourEyesAssignmentListener(FourEyesRefusals refusals) {
    this.refusals = refusals;
  }

  @Override
  public void notify(DelegateTask task) {
    refusals.refusal(task, task.getAssignee(), FourEyesRefusals.ATTEMPT_BE_GIVEN).ifPresent(refusal -> {
      throw new AuthorizationException(refusal);
    });
  }
}
