package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.CUSTOMER_ANSWER;
import static com.redress.complaint.ComplaintHandlingProcess.CUSTOMER_QUESTION;
import static com.redress.complaint.ComplaintHandlingProcess.HANDLING_ACTION;
import static com.redress.complaint.ComplaintHandlingProcess.QUESTION_AND_ANSWER;
import static com.redress.complaint.ComplaintHandlingProcess.RESOLUTION_DUE;
import static com.redress.complaint.ComplaintHandlingProcess.SLA_WARNING_AT;

import com.redress.language.InstallationTexts;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ResumeHandling: the customer answered. The resolution SLA runs on with the business time it
 * had left, so the handling task comes back due later by the time spent waiting (its timers and due
 * date are made anew from the moved times); the form shows the question and the answer.
 */
@Component
class ResumeHandlingDelegate implements JavaDelegate {

  private final ComplaintService complaints;
  private final InstallationTexts texts;

  ResumeHandlingDelegate(ComplaintService complaints, InstallationTexts texts) {
    this.complaints = complaints;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String answer = CUSTOMER_ANSWER.require(execution);
    Complaint.Classification moved = complaints.resumeHandling(ComplaintHandlingProcess.reference(execution), answer);
    RESOLUTION_DUE.set(execution, moved.resolutionDue().truncatedTo(ChronoUnit.MINUTES).toString());
    SLA_WARNING_AT.set(execution, moved.slaWarningAt().truncatedTo(ChronoUnit.MINUTES).toString());
    QUESTION_AND_ANSWER.set(execution, texts.text("staff.handling.question", CUSTOMER_QUESTION.require(execution))
        + "\n\n" + texts.text("staff.handling.answer", answer));
    HANDLING_ACTION.set(execution, HandlingAction.RESOLVE.name());
  }
}
