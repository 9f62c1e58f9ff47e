package com.redress.complaint;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_WarnSupervisors: 75 % of the resolution SLA has passed. */
@Component
class WarnSupervisorsDelegate implements JavaDelegate {

  private final SlaService sla;

  WarnSupervisorsDelegate(SlaService sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.warn(execution.getProcessInstanceId(), ComplaintHandlingProcess.reference(execution));
  }
}
