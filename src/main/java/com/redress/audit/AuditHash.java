package com.redress.audit;

import com.redress.shared.Hashing;
import java.time.Instant;

/**
 * The canonical content of an audit row and its SHA-256: every column but the row id, each
 * written as its length, a colon and its text (null as "-"), ending with the previous row's hash,
 * so no two different rows share a canonical form. Writer and integrity check share this one definition.
 */
final class AuditHash {

  /** The hash a chain starts from. */
  static final String GENESIS = "0".repeat(64);

  private AuditHash() {
  }

  static String of(String chainKey, long seq, Instant occurredAt, String source, String type, String actor,
      String processInstanceId, String activityId, String details, String prevHash) {
    StringBuilder canonical = new StringBuilder();
    for (String field : new String[] {chainKey, Long.toString(seq), Long.toString(occurredAt.toEpochMilli()), source,
        type, actor, processInstanceId, activityId, details, prevHash}) {
      canonical.append(field == null ? "-" : field.length() + ":" + field).append('|');
    }
    return Hashing.sha256Hex(canonical.toString());
  }
}
