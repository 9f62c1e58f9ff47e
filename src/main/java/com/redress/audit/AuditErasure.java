package com.redress.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.redress.shared.Database;
import com.redress.shared.PersonalData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a customer's personal data from the audit trail and keeps every chain verifiable
 * (docs/adr/0017). Sealed fields are erased by destroying the chain's key: their events and hashes
 * stay as written. Personal data an event holds in the clear (rows older than issue 19, or a
 * member of staff quoting the customer) is replaced and the chain re-sealed from the first changed
 * row; the "personal-data-erased" event then chained after it keeps the old head's hash, so the
 * integrity check can name every re-sealed segment.
 */
@Service
public class AuditErasure {

  public static final String ERASED_EVENT = "personal-data-erased";

  /** What one erasure did to the audit trail. */
  public record Result(int keysDestroyed, List<String> resealedChains) {
  }

  private final AuditRepository repository;
  private final PersonalDataKeys keys;
  private final AuditTrail trail;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final boolean postgres;

  AuditErasure(AuditRepository repository, PersonalDataKeys keys, AuditTrail trail, JdbcTemplate jdbc,
      ObjectMapper json, Database database) {
    this.repository = repository;
    this.keys = keys;
    this.trail = trail;
    this.jdbc = jdbc;
    this.json = json;
    this.postgres = database.isPostgres();
  }

  /**
   * Erases {@code data} from the chains {@code chainKeys}, in the caller's transaction (the erasure
   * of the customer's other records commits or rolls back with it), and records on each chain why
   * ({@code reason}) and what was done.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Result erase(Collection<String> chainKeys, PersonalData data, Map<String, Object> reason) {
    if (postgres) {
      // the append-only trigger lets this transaction rewrite content and hashes, nothing else
      jdbc.execute("SET LOCAL redress.audit_erasure = 'on'");
    }
    int destroyed = 0;
    List<String> resealed = new ArrayList<>();
    // the writers' lock order: sorted chain keys
    for (String chain : new TreeSet<>(chainKeys)) {
      Optional<AuditRepository.ChainHead> locked = repository.lockHead(chain);
      int keyDestroyed = keys.destroy(chain);
      destroyed += keyDestroyed;
      Map<String, Object> details = new LinkedHashMap<>(reason);
      details.put("sealedFieldsErased", keyDestroyed > 0);
      if (locked.isPresent()) {
        reseal(locked.get(), data).ifPresent(segment -> {
          details.putAll(segment);
          resealed.add(chain);
        });
      }
      trail.recordDomainChange(chain, ERASED_EVENT, details);
    }
    return new Result(destroyed, resealed);
  }

  /** Replaces {@code data} where a row of the chain holds it and re-hashes from there; empty when no row did. */
  private Optional<Map<String, Object>> reseal(AuditRepository.ChainHead head, PersonalData data) {
    List<StoredAuditEvent> rows = repository.chain(head.chainKey());
    int first = -1;
    List<String> erased = new ArrayList<>(rows.size());
    for (StoredAuditEvent row : rows) {
      String details = erased(row, data);
      if (first < 0 && !details.equals(row.details())) {
        first = erased.size();
      }
      erased.add(details);
    }
    if (first < 0) {
      return Optional.empty();
    }
    String prev = first == 0 ? head.sealedHash() : rows.get(first - 1).hash();
    List<Object[]> updates = new ArrayList<>();
    for (int i = first; i < rows.size(); i++) {
      StoredAuditEvent row = rows.get(i);
      String hash = AuditHash.of(row.chainKey(), row.seq(), row.occurredAt(), row.source(), row.type(), row.actor(),
          row.processInstanceId(), row.activityId(), erased.get(i), prev);
      updates.add(new Object[] {erased.get(i), prev, hash, row.chainKey(), row.seq()});
      prev = hash;
    }
    jdbc.batchUpdate("UPDATE audit_event SET details = ?, prev_hash = ?, hash = ? WHERE chain_key = ? AND seq = ?",
        updates);
    jdbc.update("UPDATE audit_chain SET last_hash = ? WHERE chain_key = ?", prev, head.chainKey());
    Map<String, Object> segment = new LinkedHashMap<>();
    segment.put("resealedFromSeq", rows.get(first).seq());
    segment.put("resealedThroughSeq", head.lastSeq());
    segment.put("previousHeadHash", head.lastHash());
    return Optional.of(segment);
  }

  /** The details with {@code data} erased from every text in them (parsed: JSON escapes some characters). */
  private String erased(StoredAuditEvent row, PersonalData data) {
    JsonNode tree = row.detailsTree(json);
    JsonNode erased = erased(tree, data);
    return erased.equals(tree) ? row.details() : erased.toString();
  }

  private static JsonNode erased(JsonNode node, PersonalData data) {
    if (node.isTextual()) {
      return TextNode.valueOf(data.erasedFrom(node.textValue()));
    }
    if (node instanceof ObjectNode object) {
      ObjectNode copy = object.objectNode();
      object.fields().forEachRemaining(field -> copy.set(field.getKey(), erased(field.getValue(), data)));
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = array.arrayNode();
      array.forEach(element -> copy.add(erased(element, data)));
      return copy;
    }
    return node;
  }
}
