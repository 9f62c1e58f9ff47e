package com.redress.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the audit trail; writing is {@link AuditWriter}'s alone. */
@Repository
class AuditRepository {

  record ChainHead(String chainKey, long lastSeq, String lastHash, long sealedSeq, String sealedHash) {
  }

  private final JdbcClient jdbc;

  AuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ChainHead> head(String chainKey) {
    return jdbc.sql("SELECT * FROM audit_chain WHERE chain_key = :key").param("key", chainKey)
        .query(AuditRepository::head).optional();
  }

  /** The chain's head, locked for this transaction as the writers lock it; empty for a chain never written. */
  Optional<ChainHead> lockHead(String chainKey) {
    return jdbc.sql("SELECT * FROM audit_chain WHERE chain_key = :key FOR UPDATE").param("key", chainKey)
        .query(AuditRepository::head).optional();
  }

  List<ChainHead> heads() {
    return jdbc.sql("SELECT * FROM audit_chain ORDER BY chain_key").query(AuditRepository::head).list();
  }

  List<StoredAuditEvent> chain(String chainKey) {
    return jdbc.sql("SELECT * FROM audit_event WHERE chain_key = :key ORDER BY seq, id")
        .param("key", chainKey).query(AuditRepository::event).list();
  }

  List<StoredAuditEvent> domainEvents(String chainKey) {
    return jdbc.sql("SELECT * FROM audit_event WHERE chain_key = :key AND source = :source ORDER BY seq, id")
        .param("key", chainKey).param("source", AuditEvent.Source.DOMAIN.name()).query(AuditRepository::event).list();
  }

  /** Chains (complaints) in which the user did something, newest activity first, at most {@code limit}. */
  List<String> chainsActedOnBy(String user, int limit) {
    // reading a customer's data is not acting on a complaint (those rows are on the access chains)
    return jdbc.sql("SELECT chain_key FROM audit_event WHERE actor = :user AND event_type <> :read GROUP BY chain_key"
            + " ORDER BY MAX(occurred_at) DESC LIMIT :limit")
        .param("user", user).param("read", AuditTrail.PERSONAL_DATA_READ).param("limit", limit)
        .query(String.class).list();
  }

  /** Streams one chain in order up to {@code lastSeq} (rows committed later are not this check's business). */
  void forEachInChain(String chainKey, long lastSeq, Consumer<StoredAuditEvent> action) {
    jdbc.sql("SELECT * FROM audit_event WHERE chain_key = :key AND seq <= :last ORDER BY seq, id")
        .param("key", chainKey).param("last", lastSeq)
        .query(rs -> {
          action.accept(event(rs, 0));
        });
  }

  /** Chains that have rows but no head row: their head was removed. */
  List<String> chainsWithoutHead() {
    return jdbc.sql("SELECT DISTINCT e.chain_key FROM audit_event e WHERE NOT EXISTS"
        + " (SELECT 1 FROM audit_chain c WHERE c.chain_key = e.chain_key) ORDER BY e.chain_key")
        .query(String.class).list();
  }

  private static ChainHead head(ResultSet rs, int row) throws SQLException {
    return new ChainHead(rs.getString("chain_key"), rs.getLong("last_seq"), rs.getString("last_hash").strip(),
        rs.getLong("sealed_seq"), rs.getString("sealed_hash").strip());
  }

  private static StoredAuditEvent event(ResultSet rs, int row) throws SQLException {
    return new StoredAuditEvent(rs.getString("chain_key"), rs.getLong("seq"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("source"),
        rs.getString("event_type"), rs.getString("actor"), rs.getString("process_instance_id"),
        rs.getString("activity_id"), rs.getString("details"), rs.getString("prev_hash").strip(),
        rs.getString("hash").strip());
  }
}
