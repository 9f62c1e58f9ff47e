package com.redress.audit;

import com.redress.complaint.Complaint;
import com.redress.complaint.ComplaintAccess.CustomerDetail;
import com.redress.complaint.ComplaintService;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A complaint's timeline, page or CSV shows its customer's complaint to an auditor: a read on the
 * customer's access log, as masked as the timeline shows contact details (docs/security.md §3).
 * Award runs' timelines name no customer.
 */
@Component
class TimelineReads {

  private final ComplaintService complaints;
  private final AuditTrail trail;

  TimelineReads(ComplaintService complaints, AuditTrail trail) {
    this.complaints = complaints;
    this.trail = trail;
  }

  void record(String reader, String endpoint, String reference) {
    complaints.find(reference).ifPresent(complaint -> record(reader, endpoint, complaint));
  }

  void record(String reader, String endpoint, Complaint complaint) {
    trail.recordReads(reader, endpoint, List.of(new AuditTrail.PersonalDataRead(complaint.customer().id(),
        complaint.reference(), CustomerDetail.MASKED.name())));
  }
}
