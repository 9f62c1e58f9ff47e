package com.redress.classification;

import com.redress.complaint.ComplaintHandlingProcess;

import com.redress.complaint.ComplaintService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RequestTriage: no rule matched, so the complaint waits for a dispatcher. */
@Component
class RequestTriageDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  RequestTriageDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.markForTriage(ComplaintHandlingProcess.reference(execution));
  }
}
