package com.redress.award;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_FinalizeAwards: the objection window is over; the payout list is final. */
@Component
class FinalizeAwardsDelegate implements JavaDelegate {

  private final AwardPublication publication;

  FinalizeAwardsDelegate(AwardPublication publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    publication.finish(execution.getProcessBusinessKey());
  }
}
