package com.redress.quality;

import static com.redress.complaint.ComplaintHandlingProcess.COMPLAINT_REFERENCE;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewQuality, on claim or assignment: a handler of the complaint is refused. Tasklist and
 * engine REST show the message (the engine wraps a task listener's exception, so engine REST
 * answers 500 here, not 4xx; the completion check answers 400).
 */
@Component
class QualityReviewFourEyesListener implements TaskListener {

  private final FourEyes fourEyes;

  QualityReviewFourEyesListener(FourEyes fourEyes) {
    this.fourEyes = fourEyes;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = COMPLAINT_REFERENCE.require(task);
    if (fourEyes.handled(reference, task.getAssignee())) {
      throw new ProcessEngineException(FourEyes.refusal(task.getAssignee(), reference));
    }
  }
}
