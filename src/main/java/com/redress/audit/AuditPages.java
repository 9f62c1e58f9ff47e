package com.redress.audit;

import com.redress.complaint.Complaint;
import com.redress.complaint.ComplaintAccess.CustomerDetail;
import com.redress.complaint.ComplaintAccess;
import com.redress.complaint.ComplaintFilter;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.ComplaintStatus;
import com.redress.language.InstallationTexts;
import com.redress.shared.AppClock;
import com.redress.shared.PageRequestParams;
import com.redress.shared.PageResult;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' pages: search complaints, read one complaint's timeline next to its diagram with
 * the path taken, export it as CSV, run the integrity check. Log-in with the Camunda user; only
 * auditors and administrators get in (SecurityConfig).
 */
@Controller
class AuditPages {

  static final int MAX_RESULTS = 50;
  static final String SEARCH = "GET /audit";
  static final String COMPLAINT_PAGE = "GET /audit/complaints/{reference}";
  static final String CSV = "GET /audit/complaints/{reference}/timeline.csv";

  private final ComplaintService complaints;
  private final AuditTimeline timeline;
  private final AuditIntegrity integrity;
  private final AuditRepository repository;
  private final ProcessDiagramSvg diagrams;
  private final HistoryService history;
  private final AppClock clock;
  private final AuditTrail trail;
  private final TimelineReads reads;
  private final InstallationTexts texts;

  AuditPages(ComplaintService complaints, AuditTimeline timeline, AuditIntegrity integrity, AuditRepository repository,
      ProcessDiagramSvg diagrams, HistoryService history, AppClock clock, AuditTrail trail, TimelineReads reads,
      InstallationTexts texts) {
    this.texts = texts;
    this.trail = trail;
    this.reads = reads;
    this.complaints = complaints;
    this.timeline = timeline;
    this.integrity = integrity;
    this.repository = repository;
    this.diagrams = diagrams;
    this.history = history;
    this.clock = clock;
  }

  @GetMapping("/audit")
  String search(@RequestParam(required = false) String reference, @RequestParam(required = false) String customer,
      @RequestParam(required = false) String status, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String user, Model model,
      Authentication authentication) {
    model.addAttribute("statuses", ComplaintStatus.values());
    model.addAttribute("query", Map.of("reference", blank(reference), "customer", blank(customer),
        "status", blank(status), "from", blank(from), "to", blank(to), "user", blank(user)));
    boolean searched = !(blank(reference) + blank(customer) + blank(status) + blank(from) + blank(to) + blank(user))
        .isEmpty();
    if (!searched) {
      return "audit/search";
    }
    List<String> references = null;
    if (!blank(reference).isEmpty()) {
      references = List.of(reference.strip());
    } else if (!blank(user).isEmpty()) {
      references = repository.chainsActedOnBy(user.strip(), 1000);
    }
    ComplaintStatus statusFilter = null;
    try {
      statusFilter = blank(status).isEmpty() ? null : ComplaintStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      model.addAttribute("error", texts.text("staff.audit.search.unknownStatus", status));
      return "audit/search";
    }
    try {
      PageResult<Complaint> found = complaints.search(new ComplaintFilter(statusFilter, null, null, null,
          day(from, false), day(to, true), blank(customer).isEmpty() ? null : customer.strip(), references, ComplaintAccess.of(authentication)),
          PageRequestParams.of(0, MAX_RESULTS));
      // the results name each customer: reads of their data, on their access logs
      trail.recordReads(authentication.getName(), SEARCH, found.items().stream().map(c -> new AuditTrail
          .PersonalDataRead(c.customer().id(), c.reference(), CustomerDetail.MASKED.name())).toList());
      model.addAttribute("results", found.items());
      model.addAttribute("total", found.totalElements());
    } catch (DateTimeParseException e) {
      model.addAttribute("error", texts.text("staff.audit.search.badDate"));
    }
    return "audit/search";
  }

  @GetMapping("/audit/complaints/{reference}")
  String complaint(@PathVariable String reference, Model model, Authentication authentication) {
    List<AuditTimeline.Entry> entries = timeline.of(reference, clock.businessZone());
    model.addAttribute("reference", reference);
    Complaint complaint = complaints.find(reference).orElse(null);
    if (complaint != null) {
      reads.record(authentication.getName(), COMPLAINT_PAGE, complaint);
    }
    model.addAttribute("complaint", complaint);
    model.addAttribute("entries", entries);
    // the complaint's own process: the messages it sent run in processes of their own, with its key
    HistoricProcessInstance root = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).unlimitedList().stream().findFirst().orElse(null);
    if (root != null) {
      // the path comes from Camunda's history, where the engine keeps it; the trail keeps business events
      Set<String> passed = new HashSet<>();
      Set<String> active = new HashSet<>();
      for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery().processInstanceId(root.getId())
          .unlimitedList()) {
        passed.add(step.getActivityId());
        if (step.getEndTime() == null) {
          active.add(step.getActivityId());
        }
      }
      model.addAttribute("diagram", diagrams.render(root.getProcessDefinitionId(), passed, active));
    }
    return "audit/complaint";
  }

  @GetMapping("/audit/complaints/{reference}/timeline.csv")
  ResponseEntity<String> csv(@PathVariable String reference, Authentication authentication) {
    List<AuditTimeline.Entry> entries = timeline.of(reference, clock.businessZone());
    reads.record(authentication.getName(), CSV, reference);
    return TimelineCsv.download(reference, entries);
  }

  @GetMapping("/audit/integrity")
  String integrityPage() {
    return "audit/integrity";
  }

  @PostMapping("/audit/integrity")
  String runIntegrity(Model model) {
    long start = System.nanoTime();
    model.addAttribute("report", integrity.verifyAll());
    model.addAttribute("millis", (System.nanoTime() - start) / 1_000_000);
    return "audit/integrity";
  }

  private java.time.OffsetDateTime day(String value, boolean endOfDay) {
    if (blank(value).isEmpty()) {
      return null;
    }
    LocalDate date = LocalDate.parse(value.strip());
    return (endOfDay ? date.plusDays(1) : date).atStartOfDay(clock.businessZone()).toOffsetDateTime();
  }

  private static String blank(String value) {
    return value == null ? "" : value.strip();
  }
}
