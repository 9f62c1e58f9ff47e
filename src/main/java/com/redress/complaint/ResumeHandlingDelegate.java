package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.CUSTOMER_ANSWER;
import static com.redress.complaint.ComplaintHandlingProcess.CUSTOMER_QUESTION;
import static com.redress.complaint.ComplaintHandlingProcess.HANDLER_GROUP;
import static com.redress.complaint.ComplaintHandlingProcess.HANDLING_ACTION;
import static com.redress.complaint.ComplaintHandlingProcess.QUESTION_AND_ANSWER;
import static com.redress.complaint.ComplaintHandlingProcess.RESOLUTION_DUE;
import static com.redress.complaint.ComplaintHandlingProcess.SLA_WARNING_AT;

import com.redress.identity.Groups;
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
    String reference = ComplaintHandlingProcess.reference(execution);
    String answer = CUSTOMER_ANSWER.require(execution);
    Complaint.Classification moved = complaints.resumeHandling(reference, answer);
    RESOLUTION_DUE.set(execution, moved.resolutionDue().truncatedTo(ChronoUnit.MINUTES).toString());
    SLA_WARNING_AT.set(execution, moved.slaWarningAt().truncatedTo(ChronoUnit.MINUTES).toString());
    if (complaints.get(reference).status() == ComplaintStatus.ESCALATED) {
      // escalated before the question: the task comes back to the supervisors, not to the team
      HANDLER_GROUP.set(execution, Groups.SUPERVISORS);
    }
    String asked = texts.text("staff.handling.question", CUSTOMER_QUESTION.require(execution)) + "\n\n";
    String told = texts.text("staff.handling.answer", answer);
    // both in one text variable, which the engine keeps up to 4000 characters
    QUESTION_AND_ANSWER.set(execution, asked.length() + told.length() <= ComplaintHandlingProcess.TEXT_VARIABLE_ROOM ? asked + told
        : asked + told.substring(0, Math.max(0, ComplaintHandlingProcess.TEXT_VARIABLE_ROOM - asked.length() - 2)) + " …");
    HANDLING_ACTION.set(execution, HandlingAction.RESOLVE.name());
    // a next question starts empty
    CUSTOMER_QUESTION.set(execution, null);
  }
}
