package com.redress.award;

import java.time.OffsetDateTime;

/** A nomination of an award run: from the ranking (SCORE) or added by a manager (INNOVATION). */
public record Nomination(String handler, Kind kind, Integer rank, Status status, String reason, String addedBy,
    OffsetDateTime addedAt, String removalReason, String removedBy, OffsetDateTime removedAt) {

  public enum Kind { SCORE, INNOVATION }

  public enum Status { NOMINATED, REMOVED }
}
