package com.redress.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.redress.language.InstallationTexts;
import com.redress.shared.ContactMasking;
import com.redress.shared.NotFoundException;
import com.redress.shared.PersonalData;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Service;

/** A case's audit trail as auditors read it: in order, each event told in plain words with its fields. */
@Service
public class AuditTimeline {

  private static final List<String> EMAIL_FIELDS = List.of("recipient", "email", "customerEmail", "previousEmail");
  private static final List<String> PHONE_FIELDS = List.of("phone", "customerPhone", "previousPhone");

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
  };

  /** One event: {@code story} tells it in plain words, {@code details} holds its fields. */
  public record Entry(long seq, OffsetDateTime time, String actor, String source, String type, String activityId,
      String activityName, @JsonIgnore String processInstanceId, String story, Map<String, Object> details) {

    /** The details as texts to show: plain values as they are, lists and objects as JSON. */
    @JsonIgnore
    public Map<String, String> fieldTexts() {
      Map<String, String> texts = new LinkedHashMap<>();
      details.forEach((key, value) -> texts.put(key, TimelineCsv.text(value)));
      return texts;
    }
  }

  private final AuditRepository repository;
  private final ObjectMapper json;
  private final PersonalDataKeys keys;
  private final AuditStory story;

  AuditTimeline(AuditRepository repository, ObjectMapper json, PersonalDataKeys keys, InstallationTexts texts) {
    this.repository = repository;
    this.json = json;
    this.keys = keys;
    this.story = new AuditStory(texts);
  }

  public List<Entry> of(String chainKey, ZoneId zone) {
    List<StoredAuditEvent> rows = repository.chain(chainKey);
    if (rows.isEmpty()) {
      throw new NotFoundException("No audit trail for " + chainKey);
    }
    return entries(rows, zone);
  }

  /** Only what Redress itself recorded (status changes, survey answers…), not the engine's history: for customers. */
  public List<Entry> domainChanges(String chainKey, ZoneId zone) {
    return entries(repository.domainEvents(chainKey), zone);
  }

  /**
   * The values of {@code fields} in the chain's events of {@code type}, sealed ones opened, unmasked:
   * what an erasure must find (not shown to anyone).
   */
  public List<String> openedValues(String chainKey, String type, Collection<String> fields) {
    List<String> values = new ArrayList<>();
    Map<String, Optional<SecretKey>> chainKeys = new HashMap<>();
    for (StoredAuditEvent row : repository.domainEvents(chainKey)) {
      if (row.type().equals(type)) {
        Map<String, Object> details = opened(parse(row.details()), () -> chainKeys.computeIfAbsent(chainKey, keys::key));
        fields.stream().map(details::get).filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
      }
    }
    return values;
  }

  private List<Entry> entries(List<StoredAuditEvent> rows, ZoneId zone) {
    List<Entry> entries = new ArrayList<>(rows.size());
    Map<String, Optional<SecretKey>> chainKeys = new HashMap<>();
    for (StoredAuditEvent row : rows) {
      Map<String, Object> details = masked(opened(parse(row.details()),
          () -> chainKeys.computeIfAbsent(row.chainKey(), keys::key)));
      String activityName = (String) details.getOrDefault("activityName", details.get("taskName"));
      entries.add(new Entry(row.seq(), row.occurredAt().atZone(zone).toOffsetDateTime(), row.actor(), row.source(),
          row.type(), row.activityId(), activityName, row.processInstanceId(),
          story.line(row.type(), row.actor(), details), details));
    }
    return entries;
  }

  /** Sealed personal fields opened under the chain's key, or shown as erased once the key is destroyed. */
  private static Map<String, Object> opened(Map<String, Object> details, Supplier<Optional<SecretKey>> key) {
    details.replaceAll((field, value) -> value instanceof Map<?, ?> map && map.size() == 1
        && map.get(AuditTrail.SEALED) instanceof String sealed
        ? key.get().map(k -> PersonalDataKeys.open(k, sealed)).orElse(PersonalData.ERASED) : value);
    return details;
  }

  /**
   * Contact details recorded in an event (a message's recipient; the intake's e-mail and phone in
   * rows older than issue 17) are shown masked: the readers of timelines do not contact customers
   * (docs/security.md §3). The stored row, and so its hash, stays as it is.
   */
  private static Map<String, Object> masked(Map<String, Object> details) {
    for (String email : EMAIL_FIELDS) {
      details.computeIfPresent(email, (key, value) -> erased(value) ? value : ContactMasking.email(value.toString()));
    }
    for (String phone : PHONE_FIELDS) {
      details.computeIfPresent(phone, (key, value) -> erased(value) ? value : ContactMasking.phone(value.toString()));
    }
    return details;
  }

  private static boolean erased(Object value) {
    return PersonalData.ERASED.equals(value);
  }

  private Map<String, Object> parse(String details) {
    try {
      return json.readValue(details, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored audit details are not JSON", e);
    }
  }
}
