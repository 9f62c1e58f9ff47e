package com.redress.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.redress.shared.AppClock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' API (DESIGN §4); only auditors and administrators get past SecurityConfig. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  static final MediaType CSV = MediaType.parseMediaType("text/csv");

  private final AuditTimeline timeline;
  private final AuditIntegrity integrity;
  private final AuditRetention retention;
  private final AppClock clock;
  private final ObjectMapper json;

  AuditController(AuditTimeline timeline, AuditIntegrity integrity, AuditRetention retention, AppClock clock,
      ObjectMapper json) {
    this.retention = retention;
    this.timeline = timeline;
    this.integrity = integrity;
    this.clock = clock;
    this.json = json;
  }

  @GetMapping(path = "/complaints/{reference}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
  List<AuditTimeline.Entry> timeline(@PathVariable String reference) {
    return timeline.of(reference, clock.businessZone());
  }

  @GetMapping(path = "/complaints/{reference}/timeline", produces = "text/csv")
  ResponseEntity<String> timelineCsv(@PathVariable String reference) throws JsonProcessingException {
    StringBuilder csv = new StringBuilder("seq,time,actor,source,type,activity_id,activity_name,details\r\n");
    for (AuditTimeline.Entry e : timeline.of(reference, clock.businessZone())) {
      csv.append(e.seq()).append(',').append(cell(e.time().toString())).append(',').append(cell(e.actor()))
          .append(',').append(cell(e.source())).append(',').append(cell(e.type())).append(',')
          .append(cell(e.activityId())).append(',').append(cell(e.activityName())).append(',')
          .append(cell(json.writeValueAsString(e.details()))).append("\r\n");
    }
    return ResponseEntity.ok().contentType(CSV)
        .header("Content-Disposition", "attachment; filename=\"" + reference + "-timeline.csv\"")
        .body(csv.toString());
  }

  record RetentionRun(int removedEvents) {
  }

  /** Administrators only (SecurityConfig): removes rows past the retention and seals their chains. */
  @PostMapping(path = "/retention", produces = MediaType.APPLICATION_JSON_VALUE)
  RetentionRun retention() {
    return new RetentionRun(retention.removeExpired());
  }

  @GetMapping(path = "/integrity", produces = MediaType.APPLICATION_JSON_VALUE)
  AuditIntegrity.Report integrity(@RequestParam(required = false) String reference) {
    return reference == null ? integrity.verifyAll() : integrity.verifyChain(reference);
  }

  /** RFC 4180: quoted when needed, quotes doubled. */
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
