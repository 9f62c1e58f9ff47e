package com.redress.complaint;

import com.redress.language.Language;
import com.redress.shared.Money;
import java.time.Duration;
import java.time.OffsetDateTime;

/** A complaint as stored: the source of truth the process refers to by its reference. */
public record Complaint(
    String reference,
    ComplaintStatus status,
    NewComplaint.Customer customer,
    Channel channel,
    Category category,
    String subject,
    String description,
    String orderReference,
    Money orderAmount,
    OffsetDateTime occurredAt,
    OffsetDateTime receivedAt,
    String recordedBy,
    Language language,
    String duplicateOf,
    Classification classification,
    Sla sla,
    Outcome outcome,
    Lifecycle lifecycle,
    Waiting waiting,
    QualityReview qualityReview) {

  /**
   * After the handling: how often the customer had it reopened, whether it closed unresolved (and
   * when it stopped waiting for an answer that never came: UNRESOLVED_NO_REPLY), when it closed.
   */
  public record Lifecycle(int reopenCount, boolean unresolved, OffsetDateTime noReplyAt, OffsetDateTime closedAt) {

    public boolean noReply() {
      return noReplyAt != null;
    }
  }

  /**
   * Waiting for the customer: the handler's last question, since when the complaint waits for the
   * answer (null when it does not), and the business time it waited in all (its SLA paused meanwhile).
   */
  public record Waiting(String question, OffsetDateTime since, Duration waited) {
  }

  /** The quality reviewer's verdict; null until reviewed. */
  public record QualityReview(int score, boolean innovative, String innovationReason, String comment,
      String reviewedBy, OffsetDateTime reviewedAt) {
  }

  /** What happened to the SLA: the first human action, the 75 % warning, the breach. */
  public record Sla(OffsetDateTime firstResponseAt, String firstResponseBy, OffsetDateTime warnedAt,
      OffsetDateTime breachedAt) {
  }

  /** Severity, team and SLA; null until classified by the rules or a dispatcher. */
  public record Classification(
      Severity severity,
      String handlerGroup,
      String classifiedBy,
      int firstResponseSlaHours,
      int resolutionSlaHours,
      OffsetDateTime firstResponseDue,
      OffsetDateTime resolutionDue,
      OffsetDateTime slaWarningAt) {
  }

  /** What the handler found and did; null until handled. */
  public record Outcome(
      RootCause rootCause,
      String resolution,
      boolean serviceFailureAcknowledged,
      String resolvedBy,
      OffsetDateTime resolvedAt,
      CompensationProposal proposedCompensation) {
  }

  /** The handler's proposal; null when none was proposed. */
  public record CompensationProposal(CompensationType type, Money amount, String reason) {
  }
}
