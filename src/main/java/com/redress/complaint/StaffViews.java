package com.redress.complaint;

import com.redress.audit.AuditTrail;
import com.redress.shared.AppClock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Complaints as a member of staff reads them, the customer shown as much as the reader may see;
 * what is shown is first written to each customer's access log (docs/security.md §3).
 */
@Service
public class StaffViews {

  private final ComplaintService complaints;
  private final SurveyService surveys;
  private final CompensationInfo compensations;
  private final ComplaintClosing closing;
  private final AuditTrail audit;
  private final AppClock clock;

  StaffViews(ComplaintService complaints, SurveyService surveys, CompensationInfo compensations,
      ComplaintClosing closing, AuditTrail audit, AppClock clock) {
    this.complaints = complaints;
    this.surveys = surveys;
    this.compensations = compensations;
    this.closing = closing;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whole complaints, with survey, compensation, handlers and KPI record: one read each. */
  public List<ComplaintView> full(ComplaintAccess reader, List<Complaint> shown, String endpoint) {
    List<ComplaintView> views = new ArrayList<>(shown.size());
    List<AuditTrail.PersonalDataRead> reads = new ArrayList<>(shown.size());
    for (Complaint complaint : shown) {
      String reference = complaint.reference();
      List<String> handlers = complaints.handlers(reference);
      ComplaintAccess.CustomerDetail detail = reader.detail(complaint, handlers);
      reads.add(read(complaint, detail));
      views.add(ComplaintView.forStaff(complaint, detail, surveys.latest(reference).orElse(null),
          compensations.latest(reference).orElse(null), handlers, closing.kpi(reference).orElse(null), clock.now(),
          clock.businessZone()));
    }
    audit.recordReads(reader.reader(), endpoint, reads);
    return views;
  }

  /** List rows: without survey, compensation, handlers and KPI, contact details masked. */
  List<ComplaintView> rows(ComplaintAccess reader, List<Complaint> found, String endpoint) {
    audit.recordReads(reader.reader(), endpoint, found.stream().map(c -> read(c, reader.inList(c))).toList());
    return found.stream().map(c -> ComplaintView.forStaff(c, reader.inList(c), null, null, null, null, clock.now(),
        clock.businessZone())).toList();
  }

  private static AuditTrail.PersonalDataRead read(Complaint complaint, ComplaintAccess.CustomerDetail detail) {
    return new AuditTrail.PersonalDataRead(complaint.customer().id(), complaint.reference(), detail.name());
  }
}
