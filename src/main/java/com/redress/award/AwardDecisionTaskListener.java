package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.AWARDEE_OPTIONS;
import static com.redress.award.EmployeeAwardProcess.AWARDS_TOTAL;
import static com.redress.award.EmployeeAwardProcess.AWARD_ROWS;
import static org.camunda.spin.Spin.JSON;

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
    AwardService.AwardsView view = awards.awardsView(task.getExecution().getProcessBusinessKey());
    AWARD_ROWS.set(task.getExecution(), JSON(view.rows()));
    AWARDEE_OPTIONS.set(task.getExecution(), JSON(view.awardees()));
    AWARDS_TOTAL.set(task.getExecution(), view.total());
    EarlierAwardModels.AWARDS_TEXT.set(task.getExecution(), EarlierAwardModels.asText(view.rows(), view.total()));
  }
}
