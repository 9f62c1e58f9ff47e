package com.redress.complaint;

import java.time.OffsetDateTime;

/** One satisfaction survey of a complaint: round 0 after the first resolution, round n after the n-th reopening. */
public record Survey(int round, OffsetDateTime sentAt, OffsetDateTime dueAt, Integer score, String comment,
    OffsetDateTime answeredAt, OffsetDateTime expiredAt) {

  public boolean isOpen() {
    return answeredAt == null && expiredAt == null;
  }
}
