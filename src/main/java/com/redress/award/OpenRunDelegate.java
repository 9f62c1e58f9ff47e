package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.PERIOD;
import static com.redress.award.EmployeeAwardProcess.RUN_OPENED;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenRun (monthly timer): opens the previous month's run unless it exists already. */
@Component
class OpenRunDelegate implements JavaDelegate {

  private final AwardService awards;

  OpenRunDelegate(AwardService awards) {
    this.awards = awards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<String> opened = awards.openScheduled(execution.getProcessInstanceId());
    RUN_OPENED.set(execution, opened.isPresent());
    opened.ifPresent(id -> {
      execution.setProcessBusinessKey(id);
      PERIOD.set(execution, awards.get(id).period());
    });
  }
}
