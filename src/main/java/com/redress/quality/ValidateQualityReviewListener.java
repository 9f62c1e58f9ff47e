package com.redress.quality;

import com.redress.complaint.ComplaintHandlingProcess;
import static com.redress.complaint.ComplaintHandlingProcess.INNOVATION_REASON;
import static com.redress.complaint.ComplaintHandlingProcess.INNOVATIVE;
import static com.redress.complaint.ComplaintHandlingProcess.QUALITY_SCORE;
import static com.redress.complaint.ComplaintHandlingProcess.REVIEW_COMMENT;

import com.redress.language.Phrase;
import com.redress.shared.CompletionCheck;
import com.redress.shared.CompletionChecks;
import com.redress.shared.EarlierModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of Task_ReviewQuality: checks the review (score 1 to 5, a reason when flagged innovative)
 * and the four-eyes rule for whoever completes it. A refused completion changes nothing;
 * Task_RecordQualityReview stores an accepted one.
 */
@Component
class ValidateQualityReviewListener implements ExecutionListener {

  static final int MAX_TEXT = 2000;

  private final FourEyes fourEyes;
  private final RecordQualityReviewDelegate record;
  private final CompletionChecks checks;

  ValidateQualityReviewListener(FourEyes fourEyes, RecordQualityReviewDelegate record, CompletionChecks checks) {
    this.fourEyes = fourEyes;
    this.record = record;
    this.checks = checks;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!CompletionCheck.isCompletion(execution)) {
      return;
    }
    String reference = ComplaintHandlingProcess.reference(execution);
    CompletionCheck check = checks.of(execution);
    String reviewer = check.actingUser();
    if (reviewer == null) {
      check.problem("reviewer", Phrase.USER_UNKNOWN);
    } else if (fourEyes.handled(reference, reviewer)) {
      check.problem("reviewer", FourEyes.refusal(reviewer, reference));
    }
    check.wholeNumber(QUALITY_SCORE.name(), 1, 5);
    // an unticked checkbox may arrive as nothing from REST callers: not innovative
    if (execution.getVariable(INNOVATIVE.name()) != null && Boolean.TRUE.equals(check.flag(INNOVATIVE.name()))) {
      check.text(INNOVATION_REASON.name(), 10, MAX_TEXT);
    }
    Object comment = execution.getVariable(REVIEW_COMMENT.name());
    if (comment != null && (!(comment instanceof String text) || text.strip().length() > MAX_TEXT)) {
      check.problem(REVIEW_COMMENT.name(), Phrase.TEXT_AT_MOST_CHARACTERS, MAX_TEXT);
    }
    check.refuseIfInvalid(Phrase.REFUSED_QUALITY_REVIEW);
    EarlierModels.recordWithoutStep(execution, ComplaintHandlingProcess.TASK_RECORD_QUALITY_REVIEW, record::execute);
  }
}
