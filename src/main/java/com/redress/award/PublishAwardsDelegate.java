package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.OBJECTION_DUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PublishAwards: results to all staff, the objection window opens. */
@Component
class PublishAwardsDelegate implements JavaDelegate {

  private final AwardPublication publication;

  PublishAwardsDelegate(AwardPublication publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OBJECTION_DUE.set(execution, publication.publish(execution.getProcessBusinessKey()).toString());
  }
}
