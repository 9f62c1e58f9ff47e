package com.redress.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window counters in the shared database, so that a limit holds across every node of a
 * cluster. A subject (a client address, an e-mail address) is counted under the SHA-256 of its
 * value; rows of windows that have ended are removed as new windows begin.
 */
@Component
public class RateLimits {

  private final JdbcClient jdbc;
  private final AppClock clock;
  private final TransactionTemplate ownTransaction;

  public RateLimits(JdbcClient jdbc, AppClock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A limit: at most {@code hits} in each {@code window}. */
  public record Limit(String name, int hits, Duration window) {
  }

  /**
   * Counts one hit of {@code subject} against {@code limit}; empty when it is within the limit,
   * otherwise how long until the window ends (the hit is not counted then).
   */
  public Optional<Duration> hit(Limit limit, String subject) {
    Instant now = clock.now();
    long windowMillis = limit.window().toMillis();
    Instant start = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
    OffsetDateTime windowStart = start.atOffset(ZoneOffset.UTC);
    String bucket = limit.name() + ":" + Hashing.sha256Hex(subject).substring(0, 40);
    // a full window's row stays as it is; a missing one is made by the first hit (on any node)
    for (int attempt = 0; attempt < 5; attempt++) {
      int counted = jdbc.sql("""
              UPDATE rate_limit SET hits = hits + 1
              WHERE bucket = :bucket AND window_start = :start AND hits < :limit
              """).param("bucket", bucket).param("start", windowStart).param("limit", limit.hits()).update();
      if (counted == 1) {
        return Optional.empty();
      }
      Optional<Integer> hits = hits(bucket, windowStart);
      if (hits.isPresent() && hits.get() >= limit.hits()) {
        break; // full
      }
      if (hits.isEmpty() && startWindow(bucket, windowStart, start.plus(limit.window()), now)) {
        return Optional.empty();
      }
      // another node made the window's row meanwhile: count into it
    }
    Duration left = Duration.between(now, start.plus(limit.window()));
    return Optional.of(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
  }

  /** The first hit of a window, in a transaction of its own; false when another node made the row first. */
  private boolean startWindow(String bucket, OffsetDateTime windowStart, Instant windowEnd, Instant now) {
    try {
      ownTransaction.executeWithoutResult(tx -> {
        jdbc.sql("INSERT INTO rate_limit (bucket, window_start, window_end, hits) VALUES (:bucket, :start, :end, 1)")
            .param("bucket", bucket).param("start", windowStart).param("end", windowEnd.atOffset(ZoneOffset.UTC))
            .update();
        jdbc.sql("DELETE FROM rate_limit WHERE window_end < :now").param("now", now.atOffset(ZoneOffset.UTC)).update();
      });
      return true;
    } catch (DuplicateKeyException anotherNodeStartedIt) {
      return false;
    }
  }

  private Optional<Integer> hits(String bucket, OffsetDateTime windowStart) {
    return jdbc.sql("SELECT hits FROM rate_limit WHERE bucket = :bucket AND window_start = :start")
        .param("bucket", bucket).param("start", windowStart).query(Integer.class).optional();
  }
}
