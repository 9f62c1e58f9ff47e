package com.redress.complaint;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseComplaint: status CLOSED and the KPI record. */
@Component
class CloseComplaintDelegate implements JavaDelegate {

  private final ComplaintClosing closing;

  CloseComplaintDelegate(ComplaintClosing closing) {
    this.closing = closing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closing.close(ComplaintHandlingProcess.reference(execution));
  }
}
