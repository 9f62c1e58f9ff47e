package com.redress.audit;

import com.redress.shared.AppClock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' API (docs/api.md); only auditors and administrators get past SecurityConfig. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  static final String TIMELINE = "GET /api/audit/complaints/{reference}/timeline";

  private final AuditTimeline timeline;
  private final AuditIntegrity integrity;
  private final AuditRetention retention;
  private final AppClock clock;
  private final TimelineReads reads;

  AuditController(AuditTimeline timeline, AuditIntegrity integrity, AuditRetention retention, AppClock clock,
      TimelineReads reads) {
    this.reads = reads;
    this.retention = retention;
    this.timeline = timeline;
    this.integrity = integrity;
    this.clock = clock;
  }

  @GetMapping(path = "/complaints/{reference}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
  List<AuditTimeline.Entry> timeline(@PathVariable String reference, Authentication authentication) {
    List<AuditTimeline.Entry> entries = timeline.of(reference, clock.businessZone());
    reads.record(authentication.getName(), TIMELINE, reference);
    return entries;
  }

  @GetMapping(path = "/complaints/{reference}/timeline", produces = "text/csv")
  ResponseEntity<String> timelineCsv(@PathVariable String reference, Authentication authentication) {
    List<AuditTimeline.Entry> entries = timeline.of(reference, clock.businessZone());
    reads.record(authentication.getName(), TIMELINE + " (CSV)", reference);
    return TimelineCsv.download(reference, entries);
  }

  /** Who looked at this customer: every read of their personal data by staff, oldest first (docs/api.md). */
  @GetMapping(path = "/customers/{customerId}/reads", produces = MediaType.APPLICATION_JSON_VALUE)
  List<AuditTimeline.Entry> reads(@PathVariable String customerId) {
    return timeline.domainChanges(AuditTrail.readsChain(customerId), clock.businessZone());
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
}
