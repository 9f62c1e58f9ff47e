package com.redress.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.redress.shared.Csv;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;

/**
 * A timeline as RFC 4180 CSV: one row per audit event, its story, and each of its fields in a
 * column of its own (the union of the events' fields, in order of first appearance), so that a
 * spreadsheet filters by amount, decision or rule without parsing JSON.
 */
final class TimelineCsv {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIXED = List.of("seq", "time", "actor", "type", "story", "activity_id");

  private TimelineCsv() {
  }

  /** The timeline of {@code reference} as a CSV download. */
  static ResponseEntity<String> download(String reference, List<AuditTimeline.Entry> entries) {
    return Csv.download(reference + "-timeline.csv", of(entries));
  }

  static String of(List<AuditTimeline.Entry> entries) {
    Set<String> fields = new LinkedHashSet<>();
    entries.forEach(e -> fields.addAll(e.details().keySet()));
    List<Object> header = new ArrayList<>(FIXED);
    // a field named like a fixed column (a compensation's "type") gets a column of its own
    fields.forEach(field -> header.add(FIXED.contains(field) ? "detail_" + field : field));
    StringBuilder csv = new StringBuilder(Csv.row(header.toArray()));
    for (AuditTimeline.Entry e : entries) {
      List<Object> row = new ArrayList<>(List.of(e.seq(), e.time(), e.actor() == null ? "" : e.actor(), e.type(),
          Csv.inert(e.story()), e.activityId() == null ? "" : e.activityId()));
      for (String field : fields) {
        row.add(e.details().containsKey(field) ? Csv.inert(text(e.details().get(field))) : "");
      }
      csv.append(Csv.row(row.toArray()));
    }
    return csv.toString();
  }

  /** A field's value as text: plain values as they are, lists and objects as JSON. */
  static String text(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Timeline details are plain data", ex);
    }
  }
}
