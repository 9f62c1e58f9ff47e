package com.redress.quality;


import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.identity.FourEyesRule;
import com.redress.language.Phrase;
import com.redress.language.Wording;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Four-eyes rule of the quality review: nobody reviews a complaint they handled. */
@Component
class FourEyes implements FourEyesRule {

  private final ComplaintService complaints;

  FourEyes(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public Set<String> taskDefinitionKeys() {
    return Set.of(ComplaintHandlingProcess.TASK_REVIEW_QUALITY);
  }

  @Override
  public Wording refusal(DelegateTask task, String user) {
    String reference = ComplaintHandlingProcess.reference(task);
    return handled(reference, user) ? refusal(user, reference) : null;
  }

  boolean handled(String reference, String user) {
    return user != null && complaints.handlers(reference).contains(user);
  }

  static Wording refusal(String user, String reference) {
    return Phrase.FOUR_EYES_QUALITY_REVIEW.with(user, reference);
  }
}
