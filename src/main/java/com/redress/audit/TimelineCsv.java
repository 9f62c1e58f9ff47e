package com.redress.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A timeline as RFC 4180 CSV: one row per audit event, details as JSON in the last column. */
final class TimelineCsv {

  private TimelineCsv() {
  }

  static final MediaType CSV = MediaType.parseMediaType("text/csv");

  /** The timeline of {@code reference} as a CSV download. */
  static ResponseEntity<String> download(String reference, List<AuditTimeline.Entry> entries, ObjectMapper json) {
    return ResponseEntity.ok().contentType(CSV)
        .header("Content-Disposition", "attachment; filename=\"" + reference + "-timeline.csv\"")
        .body(of(entries, json));
  }

  static String of(List<AuditTimeline.Entry> entries, ObjectMapper json) {
    StringBuilder csv = new StringBuilder("seq,time,actor,source,type,activity_id,activity_name,details\r\n");
    for (AuditTimeline.Entry e : entries) {
      csv.append(e.seq()).append(',').append(cell(e.time().toString())).append(',').append(cell(e.actor()))
          .append(',').append(cell(e.source())).append(',').append(cell(e.type())).append(',')
          .append(cell(e.activityId())).append(',').append(cell(e.activityName())).append(',')
          .append(cell(toJson(e, json))).append("\r\n");
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

  /** Quoted when needed, quotes doubled. */
  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
