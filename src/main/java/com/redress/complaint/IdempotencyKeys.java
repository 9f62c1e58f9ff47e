package com.redress.complaint;

import com.redress.shared.AppClock;
import com.redress.shared.Hashing;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembers which complaint an {@code Idempotency-Key} created. The key's primary-key row is
 * written first in the submission's transaction, so a concurrent twin blocks on it and then
 * fails, instead of creating a second complaint.
 */
@Repository
class IdempotencyKeys {

  record Entry(String complaintReference, String requestHash) {
  }

  private final JdbcClient jdbc;
  private final AppClock clock;

  IdempotencyKeys(JdbcClient jdbc, AppClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void claim(String key, String requestHash, String reference) {
    jdbc.sql("""
        INSERT INTO idempotency_key (key_hash, request_hash, complaint_reference, created_at)
        VALUES (:key, :request, :reference, :now)
        """)
        .param("key", Hashing.sha256Hex(key)).param("request", requestHash)
        .param("reference", reference).param("now", clock.nowInBusinessZone())
        .update();
  }

  Optional<Entry> find(String key) {
    return jdbc.sql("SELECT complaint_reference, request_hash FROM idempotency_key WHERE key_hash = :key")
        .param("key", Hashing.sha256Hex(key))
        .query((rs, row) -> new Entry(rs.getString(1), rs.getString(2)))
        .optional();
  }
}
