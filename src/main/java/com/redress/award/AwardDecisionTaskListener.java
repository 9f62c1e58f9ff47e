package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.AWARDS_TEXT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ApproveAwards, Task_ApproveAwardExcess and Task_DecideObjection, on create: the awards are
 * shown from the database. Their four-eyes rule is {@link AwardFourEyes}.
 */
@Component
class AwardDecisionTaskListener implements TaskListener {

  private final AwardService awards;

  AwardDecisionTaskListener(AwardService awards) {
    this.awards = awards;
  }

  @Override
  public void notify(DelegateTask task) {
    AWARDS_TEXT.set(task.getExecution(), awards.awardsText(task.getExecution().getProcessBusinessKey()));
  }
}
