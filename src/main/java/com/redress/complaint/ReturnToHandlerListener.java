package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.HANDLER_GROUP;
import static com.redress.complaint.ComplaintHandlingProcess.RETURN_TO;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the handling task's creation after the customer answered: it goes back to whoever asked, if
 * they are still in the team that handles it; otherwise it waits for the team.
 */
@Component
class ReturnToHandlerListener implements TaskListener {

  private final IdentityService identity;

  ReturnToHandlerListener(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String handler = RETURN_TO.get(task);
    if (handler == null) {
      return;
    }
    RETURN_TO.set(task, null);
    if (identity.createUserQuery().userId(handler).memberOfGroup(HANDLER_GROUP.require(task)).count() > 0) {
      task.setAssignee(handler);
    }
  }
}
