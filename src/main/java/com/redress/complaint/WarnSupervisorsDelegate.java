package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.COMPLAINT_REFERENCE;

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
    sla.warn(execution.getProcessInstanceId(), COMPLAINT_REFERENCE.require(execution));
  }
}
