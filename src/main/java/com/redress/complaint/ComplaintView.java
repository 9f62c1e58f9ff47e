package com.redress.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.redress.shared.Money;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A complaint as the API shows it. Customers see their case; staff also see who the customer is
 * and who worked on it. Times are in the business time zone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ComplaintView(
    String reference,
    ComplaintStatus status,
    Channel channel,
    Category category,
    Severity severity,
    String subject,
    String description,
    OffsetDateTime receivedAt,
    Sla sla,
    Resolution resolution,
    String duplicateOf,
    Object compensation,
    Object survey,
    Staff staff) {

  record Sla(OffsetDateTime firstResponseDue, OffsetDateTime resolutionDue) {
  }

  record Resolution(RootCause rootCause, String text, boolean serviceFailureAcknowledged, OffsetDateTime resolvedAt) {
  }

  /** Only in the staff view. */
  record Staff(NewComplaint.Customer customer, String orderReference, Money orderAmount, OffsetDateTime occurredAt,
      String recordedBy, String handlerGroup, String classifiedBy, String resolvedBy,
      Complaint.CompensationProposal proposedCompensation) {
  }

  static ComplaintView forCustomer(Complaint c, ZoneId zone) {
    return of(c, zone, null);
  }

  static ComplaintView forStaff(Complaint c, ZoneId zone) {
    Complaint.Classification cl = c.classification();
    return of(c, zone, new Staff(c.customer(), c.orderReference(), c.orderAmount(), at(c.occurredAt(), zone),
        c.recordedBy(), cl == null ? null : cl.handlerGroup(), cl == null ? null : cl.classifiedBy(),
        c.outcome() == null ? null : c.outcome().resolvedBy(),
        c.outcome() == null ? null : c.outcome().proposedCompensation()));
  }

  private static ComplaintView of(Complaint c, ZoneId zone, Staff staff) {
    Complaint.Classification cl = c.classification();
    Complaint.Outcome o = c.outcome();
    return new ComplaintView(c.reference(), c.status(), c.channel(), c.category(),
        cl == null ? null : cl.severity(), c.subject(), c.description(), at(c.receivedAt(), zone),
        cl == null ? null : new Sla(at(cl.firstResponseDue(), zone), at(cl.resolutionDue(), zone)),
        o == null ? null : new Resolution(o.rootCause(), o.resolution(), o.serviceFailureAcknowledged(),
            at(o.resolvedAt(), zone)),
        c.duplicateOf(), null, null, staff);
  }

  private static OffsetDateTime at(OffsetDateTime time, ZoneId zone) {
    return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
  }
}
