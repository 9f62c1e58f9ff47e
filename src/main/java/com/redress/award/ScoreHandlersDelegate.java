package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.ELIGIBLE_HANDLERS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ScoreHandlers: every handler of the period scored, the eligible ranked. */
@Component
class ScoreHandlersDelegate implements JavaDelegate {

  private final AwardService awards;

  ScoreHandlersDelegate(AwardService awards) {
    this.awards = awards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ELIGIBLE_HANDLERS.set(execution, awards.score(execution.getProcessBusinessKey()));
  }
}
