package com.redress.complaint;

import com.redress.audit.AuditTrail;
import com.redress.shared.AppClock;
import com.redress.shared.BusinessCalendar;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Closes a reviewed complaint and writes its KPI record, the figures reports and awards are built on. */
@Service
public class ComplaintClosing {

  private final ComplaintRepository complaints;
  private final KpiRepository kpis;
  private final HandlerRepository handlers;
  private final SurveyService surveys;
  private final BusinessCalendar calendar;
  private final AppClock clock;
  private final AuditTrail audit;

  ComplaintClosing(ComplaintRepository complaints, KpiRepository kpis, HandlerRepository handlers,
      SurveyService surveys, BusinessCalendar calendar, AppClock clock, AuditTrail audit) {
    this.complaints = complaints;
    this.kpis = kpis;
    this.handlers = handlers;
    this.surveys = surveys;
    this.calendar = calendar;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional
  public ComplaintKpi close(String reference) {
    Complaint complaint = complaints.find(reference).orElseThrow(() -> new IllegalStateException("No complaint " + reference));
    OffsetDateTime now = clock.nowInBusinessZone();
    ComplaintKpi kpi = ComplaintKpi.of(complaint, now, surveys.finalScore(reference).orElse(null),
        handlers.of(reference), calendar);
    kpis.insert(kpi);
    complaints.close(reference, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", ComplaintStatus.CLOSED.name());
    details.put("unresolved", kpi.unresolved());
    details.put("resolutionSlaMet", kpi.resolutionSlaMet());
    details.put("csat", kpi.csat() == null ? "none" : kpi.csat());
    details.put("reopenCount", kpi.reopenCount());
    details.put("qualityScore", kpi.qualityScore());
    audit.recordDomainChange(reference, ComplaintService.STATUS_CHANGED, details);
    return kpi;
  }

  public Optional<ComplaintKpi> kpi(String reference) {
    return kpis.find(reference);
  }
}
