package com.redress.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.redress.shared.Csv;
import java.util.List;
import org.springframework.http.ResponseEntity;

/** A timeline as RFC 4180 CSV: one row per audit event, details as JSON in the last column. */
final class TimelineCsv {

  private TimelineCsv() {
  }

  /** The timeline of {@code reference} as a CSV download. */
  static ResponseEntity<String> download(String reference, List<AuditTimeline.Entry> entries, ObjectMapper json) {
    return ResponseEntity.ok().contentType(Csv.MEDIA_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + reference + "-timeline.csv\"")
        .body(of(entries, json));
  }

  static String of(List<AuditTimeline.Entry> entries, ObjectMapper json) {
    StringBuilder csv = new StringBuilder(Csv.row("seq", "time", "actor", "source", "type", "activity_id",
        "activity_name", "details"));
    for (AuditTimeline.Entry e : entries) {
      csv.append(Csv.row(e.seq(), e.time(), e.actor(), e.source(), e.type(), e.activityId(), e.activityName(),
          toJson(e, json)));
    }
    return csv.toString();
  }

  private static String toJson(AuditTimeline.Entry e, ObjectMapper json) {
    try {
      return json.writeValueAsString(e.details());
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Timeline details are plain data", ex);
    }
  }
}
