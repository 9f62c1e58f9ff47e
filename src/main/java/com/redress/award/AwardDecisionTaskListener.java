package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.AWARDS_TEXT;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ApproveAwards and Task_ApproveAwardExcess: on create the awards are shown from the
 * database; on claim or assignment a nominee of the run is refused (engine REST answers 500 with
 * the message, see ADR 7; completion answers 400).
 */
@Component
class AwardDecisionTaskListener implements TaskListener {

  private final AwardService awards;
  private final AwardFourEyes fourEyes;

  AwardDecisionTaskListener(AwardService awards, AwardFourEyes fourEyes) {
    this.awards = awards;
    this.fourEyes = fourEyes;
  }

  @Override
  public void notify(DelegateTask task) {
    String runId = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      AWARDS_TEXT.set(task.getExecution(), awards.awardsText(runId));
      return;
    }
    String refusal = fourEyes.refusal(runId, task.getAssignee());
    if (refusal != null) {
      throw new ProcessEngineException(refusal);
    }
  }
}
