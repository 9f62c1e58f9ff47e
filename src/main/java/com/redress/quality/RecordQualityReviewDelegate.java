package com.redress.quality;

import static com.redress.complaint.ComplaintHandlingProcess.INNOVATION_REASON;
import static com.redress.complaint.ComplaintHandlingProcess.INNOVATIVE;
import static com.redress.complaint.ComplaintHandlingProcess.QUALITY_SCORE;
import static com.redress.complaint.ComplaintHandlingProcess.REVIEW_COMMENT;
import static com.redress.complaint.ComplaintHandlingProcess.TASK_REVIEW_QUALITY;

import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.shared.CompletionCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordQualityReview, right after Task_ReviewQuality in its transaction: stores the review
 * its end listener accepted on the complaint.
 */
@Component
class RecordQualityReviewDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  RecordQualityReviewDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean innovative = Boolean.TRUE.equals(INNOVATIVE.get(execution));
    String comment = REVIEW_COMMENT.get(execution);
    complaints.recordQualityReview(ComplaintHandlingProcess.reference(execution),
        ((Number) execution.getVariable(QUALITY_SCORE.name())).intValue(), innovative,
        innovative ? INNOVATION_REASON.require(execution).strip() : null,
        comment == null || comment.isBlank() ? null : comment.strip(),
        CompletionCheck.actingUser(execution, TASK_REVIEW_QUALITY));
  }
}
