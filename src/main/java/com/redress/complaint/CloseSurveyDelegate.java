package com.redress.complaint;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseSurvey: the customer did not answer in time; no answer is recorded. */
@Component
class CloseSurveyDelegate implements JavaDelegate {

  private final SurveyService surveys;

  CloseSurveyDelegate(SurveyService surveys) {
    this.surveys = surveys;
  }

  @Override
  public void execute(DelegateExecution execution) {
    surveys.expire(ComplaintHandlingProcess.reference(execution));
  }
}
