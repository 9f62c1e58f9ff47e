package com.redress.award;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PublishNoAwards: nobody was eligible; the run ends with that result. */
@Component
class PublishNoAwardsDelegate implements JavaDelegate {

  private final AwardService awards;

  PublishNoAwardsDelegate(AwardService awards) {
    this.awards = awards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    awards.publishNoAwards(execution.getProcessBusinessKey());
  }
}
