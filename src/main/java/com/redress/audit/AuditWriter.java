package com.redress.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.redress.shared.Database;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends a transaction's audit events: resolves each engine event's chain (the business key of
 * its root process instance), locks that chain's head row, and writes the rows hash-chained.
 * Each complaint has its own head row, so concurrent complaints never wait for each other.
 */
@Component
class AuditWriter {

  /** Engine events that belong to no process instance (deployments, identity, …). */
  static final String ENGINE_CHAIN = "engine";
  /** Process instances without a business key get a chain of their own. */
  static final String PROCESS_CHAIN_PREFIX = "process:";
  private static final int KNOWN_HEADS = 10_000;

  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
      .build();

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final String createHeadSql;
  /**
   * Chains whose head row this node has seen, most recent last: only a hint that saves the
   * insert-if-absent (a head rolled back or removed since is created again), bounded in size.
   */
  private final Set<String> knownHeads = Collections.newSetFromMap(Collections.synchronizedMap(
      new LinkedHashMap<String, Boolean>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > KNOWN_HEADS;
        }
      }));

  AuditWriter(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Database database) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.createHeadSql = database.isPostgres()
        ? "INSERT INTO audit_chain (chain_key, last_seq, last_hash, sealed_seq, sealed_hash) VALUES (?, 0, ?, 0, ?)"
            + " ON CONFLICT (chain_key) DO NOTHING"
        : "INSERT INTO audit_chain (chain_key, last_seq, last_hash, sealed_seq, sealed_hash) SELECT ?, 0, ?, 0, ?"
            + " FROM (VALUES (1)) WHERE NOT EXISTS (SELECT 1 FROM audit_chain WHERE chain_key = ?)";
  }

  void append(List<AuditEvent> events) {
    Map<String, List<AuditEvent>> byChain = new LinkedHashMap<>();
    Map<String, String> rootKeys = new HashMap<>();
    for (AuditEvent event : events) {
      byChain.computeIfAbsent(chainOf(event, rootKeys), k -> new ArrayList<>()).add(event);
    }
    // a fixed lock order keeps two transactions touching the same chains from deadlocking
    byChain.keySet().stream().sorted().forEach(chain -> appendToChain(chain, byChain.get(chain)));
  }

  private String chainOf(AuditEvent event, Map<String, String> rootKeys) {
    if (event.chainKey() != null) {
      return event.chainKey();
    }
    if (event.rootProcessInstanceId() == null) {
      return ENGINE_CHAIN;
    }
    // the business key may be set during the transaction (Tasklist's start form): read it at commit
    return rootKeys.computeIfAbsent(event.rootProcessInstanceId(), root -> {
      List<String> keys = jdbc.sql("SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE PROC_INST_ID_ = :id")
          .param("id", root).query(String.class).list();
      return keys.isEmpty() || keys.get(0) == null ? PROCESS_CHAIN_PREFIX + root : keys.get(0);
    });
  }

  private void appendToChain(String chain, List<AuditEvent> events) {
    // a chain written before has its head: lock it straight away (one statement less per transaction)
    Map<String, Object> head = knownHeads.contains(chain) ? lockHead(chain) : null;
    if (head == null) {
      createHead(chain);
      head = lockHead(chain);
    }
    knownHeads.add(chain);
    long seq = ((Number) head.get("last_seq")).longValue();
    String prev = ((String) head.get("last_hash")).strip();

    List<Object[]> rows = new ArrayList<>(events.size());
    for (AuditEvent event : events) {
      seq++;
      // stored to the millisecond on every database, so the hash recomputes exactly
      Instant at = event.occurredAt().truncatedTo(ChronoUnit.MILLIS);
      String details = canonical(event.details());
      String hash = AuditHash.of(chain, seq, at, event.source().name(), event.type(), event.actor(),
          event.processInstanceId(), event.activityId(), details, prev);
      rows.add(new Object[] {chain, seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), event.source().name(), event.type(), event.actor(),
          event.processInstanceId(), event.activityId(), details, prev, hash});
      prev = hash;
    }
    jdbcTemplate.batchUpdate("""
        INSERT INTO audit_event (chain_key, seq, occurred_at, source, event_type, actor, process_instance_id,
          activity_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    jdbcTemplate.update("UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE chain_key = ?", seq, prev, chain);
  }

  private Map<String, Object> lockHead(String chain) {
    List<Map<String, Object>> heads = jdbcTemplate.queryForList(
        "SELECT last_seq, last_hash FROM audit_chain WHERE chain_key = ? FOR UPDATE", chain);
    return heads.isEmpty() ? null : heads.get(0);
  }

  private void createHead(String chain) {
    Object[] headParams = createHeadSql.contains("NOT EXISTS")
        ? new Object[] {chain, AuditHash.GENESIS, AuditHash.GENESIS, chain}
        : new Object[] {chain, AuditHash.GENESIS, AuditHash.GENESIS};
    try {
      jdbcTemplate.update(createHeadSql, headParams);
    } catch (DuplicateKeyException createdConcurrently) {
      // H2 only (PostgreSQL uses ON CONFLICT): another transaction created the head first; it is locked next
    }
  }

  static String canonical(Map<String, Object> details) {
    try {
      return CANONICAL.writeValueAsString(details == null ? Map.of() : details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Audit details must be plain data", e);
    }
  }
}
