package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.RANKING;

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
    RANKING.set(task.getExecution(), awards.rankingText(task.getExecution().getProcessBusinessKey()));
  }
}
