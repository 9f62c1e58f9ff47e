package com.redress.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One fact for the audit trail before it is chained. {@code chainKey} is the complaint
 * reference (or award run); engine events may leave it null and name their root process
 * instance instead, resolved to its business key when the transaction commits.
 */
public record AuditEvent(
    String chainKey,
    String rootProcessInstanceId,
    Instant occurredAt,
    Source source,
    String type,
    String actor,
    String processInstanceId,
    String activityId,
    Map<String, Object> details) {

  public enum Source { ENGINE, DOMAIN }
}
