package com.redress.audit;

import java.time.Instant;

/** An audit row as stored. */
record StoredAuditEvent(
    String chainKey,
    long seq,
    Instant occurredAt,
    String source,
    String type,
    String actor,
    String processInstanceId,
    String activityId,
    String details,
    String prevHash,
    String hash) {

  String recomputedHash(String prev) {
    return AuditHash.of(chainKey, seq, occurredAt, source, type, actor, processInstanceId, activityId, details, prev);
  }
}
