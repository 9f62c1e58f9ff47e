package com.redress.award;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_Nominate: the ranked handlers are nominated. */
@Component
class NominateDelegate implements JavaDelegate {

  private final AwardService awards;

  NominateDelegate(AwardService awards) {
    this.awards = awards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    awards.nominate(execution.getProcessBusinessKey());
  }
}
