package com.redress.award;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An award run as stored. {@code handlersScored} of {@code handlersTotal} is its progress while
 * scoring; {@code awardsTotal} the cash of the proposed awards against the period's {@code awardBudget}.
 */
public record AwardRun(String id, String period, Status status, String startedBy, OffsetDateTime startedAt,
    Integer handlersTotal, Integer handlersScored, Integer complaintsCounted, String weights,
    Integer minimumComplaints, Integer innovationCap, OffsetDateTime scoredAt, BigDecimal awardsTotal,
    BigDecimal awardBudget, OffsetDateTime publishedAt, OffsetDateTime objectionDue, OffsetDateTime finalAt) {

  public enum Status { SCORING, SCORED, NO_AWARDS, NOMINATIONS_CONFIRMED, AWARDS_PROPOSED, AWARDS_APPROVED, PUBLISHED, FINAL }

  static String idOf(String period) {
    return "AWARD-" + period;
  }
}
