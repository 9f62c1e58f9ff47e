package com.redress.audit;

import com.redress.shared.Hashing;
import java.time.Instant;

/**
 * The canonical content of an audit row and its SHA-256: every column but the row id, one per
 * line, ending with the previous row's hash. Writer and integrity check share this one definition.
 */
final class AuditHash {

  /** The hash a chain starts from. */
  static final String GENESIS = "0".repeat(64);

  private AuditHash() {
  }

  static String of(String chainKey, long seq, Instant occurredAt, String source, String type, String actor,
      String processInstanceId, String activityId, String details, String prevHash) {
    String canonical = String.join("\n", chainKey, Long.toString(seq), Long.toString(occurredAt.toEpochMilli()),
        source, type, nullToEmpty(actor), nullToEmpty(processInstanceId), nullToEmpty(activityId), details, prevHash);
    return Hashing.sha256Hex(canonical);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
