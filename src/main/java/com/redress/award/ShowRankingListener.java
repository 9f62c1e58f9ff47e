package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.HANDLER_OPTIONS;
import static com.redress.award.EmployeeAwardProcess.RANKING_ROWS;
import static org.camunda.spin.Spin.JSON;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating Task_ReviewNominations: the list the manager reads comes from the database each round,
 * whatever a previous completion sent along as variables.
 */
@Component
class ShowRankingListener implements TaskListener {

  private final AwardService awards;

  ShowRankingListener(AwardService awards) {
    this.awards = awards;
  }

  @Override
  public void notify(DelegateTask task) {
    AwardService.NominationsView view = awards.nominationsView(task.getExecution().getProcessBusinessKey());
    RANKING_ROWS.set(task.getExecution(), JSON(view.rows()));
    HANDLER_OPTIONS.set(task.getExecution(), JSON(view.handlers()));
    EarlierAwardModels.RANKING_TEXT.set(task.getExecution(), EarlierAwardModels.asText(view.rows(), null));
  }
}
