package com.redress.audit;

import com.redress.shared.AppClock;
import com.redress.shared.Database;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes audit rows older than the audit trail's own retention (default 7 years, far beyond the
 * engine's history time to live). Each chain is cut at a row boundary and sealed: the last removed
 * row's sequence number and hash become the chain's start, so the rest still verifies.
 */
@Service
public class AuditRetention {

  private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

  private final JdbcTemplate jdbc;
  private final AppClock clock;
  private final Period retention;
  private final boolean postgres;
  private final TransactionTemplate transactions;

  AuditRetention(JdbcTemplate jdbc, AppClock clock, Database database, TransactionTemplate transactions,
      @Value("${redress.audit.retention:P7Y}") Period retention) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.retention = retention;
    this.postgres = database.isPostgres();
  }

  /** Nightly (redress.audit.retention-cron); on several nodes the chain row locks keep runs apart. */
  @Scheduled(cron = "${redress.audit.retention-cron}", zone = "${redress.time-zone}")
  public void nightly() {
    removeExpired();
  }

  /**
   * Removes what is older than the retention and returns how many rows went; also run by an
   * administrator through POST /api/audit/retention. One short transaction per chain, in the
   * writers' lock order, so complaints being handled meanwhile wait at most for one chain.
   */
  public int removeExpired() {
    OffsetDateTime cutoff = clock.now().atOffset(ZoneOffset.UTC).minus(retention);
    List<String> chains = jdbc.queryForList(
        "SELECT DISTINCT chain_key FROM audit_event WHERE occurred_at < ? ORDER BY chain_key", String.class, cutoff);
    int removed = 0;
    for (String chain : chains) {
      removed += transactions.execute(tx -> removeExpired(chain, cutoff));
    }
    if (removed > 0) {
      LOG.info("Audit retention removed {} rows older than {} from {} chains", removed, retention, chains.size());
    }
    return removed;
  }

  private int removeExpired(String chain, OffsetDateTime cutoff) {
    if (postgres) {
      // the append-only trigger lets this transaction delete
      jdbc.execute("SET LOCAL redress.audit_retention = 'on'");
    }
    jdbc.queryForMap("SELECT last_seq FROM audit_chain WHERE chain_key = ? FOR UPDATE", chain);
    List<Map<String, Object>> lastExpired = jdbc.queryForList("""
        SELECT seq, hash FROM audit_event WHERE chain_key = ? AND seq = (
          SELECT MAX(seq) FROM audit_event WHERE chain_key = ? AND occurred_at < ?)""", chain, chain, cutoff);
    if (lastExpired.isEmpty()) {
      return 0; // another run got here first
    }
    long seq = ((Number) lastExpired.get(0).get("seq")).longValue();
    int removed = jdbc.update("DELETE FROM audit_event WHERE chain_key = ? AND seq <= ?", chain, seq);
    jdbc.update("UPDATE audit_chain SET sealed_seq = ?, sealed_hash = ? WHERE chain_key = ?",
        seq, ((String) lastExpired.get(0).get("hash")).strip(), chain);
    return removed;
  }
}
