package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.MAX_REOPENINGS;
import static com.redress.complaint.ComplaintHandlingProcess.REOPEN_COUNT;
import static com.redress.complaint.ComplaintHandlingProcess.SURVEY_DUE_AT;
import static com.redress.complaint.ComplaintHandlingProcess.SURVEY_SCORE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyResolution: opens the survey, queues the resolution notice and arms the survey's timeout. */
@Component
class NotifyResolutionDelegate implements JavaDelegate {

  private final SurveyService surveys;
  private final CustomerMessages messages;
  private final SurveyPolicy policy;

  NotifyResolutionDelegate(SurveyService surveys, CustomerMessages messages, SurveyPolicy policy) {
    this.surveys = surveys;
    this.messages = messages;
    this.policy = policy;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ComplaintHandlingProcess.reference(execution);
    Survey survey = surveys.open(reference);
    messages.resolutionNotice(reference, survey);
    SURVEY_DUE_AT.set(execution, survey.dueAt().toString());
    // an earlier round's answer must not be taken for this one's (reviewers see surveyScore)
    execution.removeVariable(SURVEY_SCORE.name());
    REOPEN_COUNT.set(execution, survey.round());
    MAX_REOPENINGS.set(execution, policy.maxReopenings());
  }
}
