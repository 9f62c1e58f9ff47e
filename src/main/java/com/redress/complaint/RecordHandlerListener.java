package com.redress.complaint;


import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the handling task's claim and completion: whoever takes it on or completes it has handled
 * the complaint (the quality review's four-eyes rule and the awards count them).
 */
@Component
class RecordHandlerListener implements TaskListener {

  private final ComplaintService complaints;

  RecordHandlerListener(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = ComplaintHandlingProcess.reference(task);
    if (task.getAssignee() != null) { // an escalation's unassignment hands nothing over
      complaints.recordHandler(reference, task.getAssignee());
    }
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String caller = authentication == null ? null : authentication.getUserId();
    if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) && caller != null) {
      complaints.recordHandler(reference, caller);
    }
  }
}
