package com.redress.complaint;

import com.redress.audit.AuditTrail;
import com.redress.complaint.ComplaintAccess.CustomerDetail;
import com.redress.shared.AppClock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A complaint as a member of staff reads it, with its survey, compensation, handlers and KPI
 * record, the customer shown as much as the reader may see; each one shown is first written to
 * the customer's access log (docs/security.md §3).
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

  /** The whole complaint; {@code detail} decides how much of the customer it shows. */
  public ComplaintView full(Complaint complaint, CustomerDetail detail, String endpoint) {
    String reference = complaint.reference();
    audit.recordReads(endpoint, List.of(read(complaint, detail)));
    return ComplaintView.forStaff(complaint, detail, surveys.latest(reference).orElse(null),
        compensations.latest(reference).orElse(null), complaints.handlers(reference),
        closing.kpi(reference).orElse(null), clock.now(), clock.businessZone());
  }

  /** List rows: without survey, compensation, handlers and KPI. */
  List<ComplaintView> rows(List<Complaint> found, CustomerDetail detail, String endpoint) {
    audit.recordReads(endpoint, found.stream().map(c -> read(c, detail)).toList());
    return found.stream().map(c -> ComplaintView.forStaff(c, detail, null, null, null, null, clock.now(),
        clock.businessZone())).toList();
  }

  private static AuditTrail.PersonalDataRead read(Complaint complaint, CustomerDetail detail) {
    return new AuditTrail.PersonalDataRead(complaint.customer().id(), complaint.reference(), detail.name());
  }
}
