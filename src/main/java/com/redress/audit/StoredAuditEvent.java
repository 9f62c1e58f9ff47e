package com.redress.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  /** The details as a JSON tree. */
  JsonNode detailsTree(ObjectMapper json) {
    try {
      return json.readTree(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored audit details are not JSON", e);
    }
  }

  String recomputedHash(String prev) {
    return AuditHash.of(chainKey, seq, occurredAt, source, type, actor, processInstanceId, activityId, details, prev);
  }
}
