package com.redress.complaint;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EscalateComplaint: the resolution SLA is breached; the supervisors take over the handling task. */
@Component
class EscalateComplaintDelegate implements JavaDelegate {

  private final SlaService sla;

  EscalateComplaintDelegate(SlaService sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.escalate(execution.getProcessInstanceId(), ComplaintHandlingProcess.reference(execution));
  }
}
