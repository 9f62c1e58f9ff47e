package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.RANKING;
import static com.redress.award.EmployeeAwardProcess.RUN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_Nominate: the ranked handlers are nominated; the managers' form shows the list. */
@Component
class NominateDelegate implements JavaDelegate {

  private final AwardService awards;

  NominateDelegate(AwardService awards) {
    this.awards = awards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String runId = RUN_ID.require(execution);
    awards.nominate(runId);
    RANKING.set(execution, awards.rankingText(runId));
  }
}
