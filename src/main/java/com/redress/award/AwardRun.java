package com.redress.award;

import java.time.OffsetDateTime;

/** An award run as stored. {@code handlersScored} of {@code handlersTotal} is its progress while scoring. */
public record AwardRun(String id, String period, Status status, String startedBy, OffsetDateTime startedAt,
    Integer handlersTotal, Integer handlersScored, Integer complaintsCounted, String weights,
    Integer minimumComplaints, Integer innovationCap, OffsetDateTime scoredAt) {

  public enum Status { SCORING, SCORED, NO_AWARDS, NOMINATIONS_CONFIRMED }

  static String idOf(String period) {
    return "AWARD-" + period;
  }
}
