package com.redress.complaint;


import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the triage and handling tasks' claim and completion: the first human action on a complaint
 * is its first response; only the first one is recorded.
 */
@Component
class RecordFirstResponseListener implements TaskListener {

  private final ComplaintService complaints;

  RecordFirstResponseListener(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = ComplaintHandlingProcess.reference(task);
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
        : task.getAssignee();
    if (user != null) { // an escalation's unassignment is no human action
      complaints.recordFirstResponse(reference, user);
    }
  }
}
