package com.redress.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.redress.complaint.ComplaintAccess.CustomerDetail;
import com.redress.shared.ContactMasking;
import com.redress.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A complaint as the API shows it. Customers see their case, its survey and how it closed; staff
 * also see who the customer is, who worked on it, the quality review and the KPI record. Times
 * are in the business time zone, durations ISO-8601 ("PT5H30M").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintView(
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
    String question,
    Boolean noReply,
    String duplicateOf,
    CompensationView compensation,
    SurveyView survey,
    Closing closing,
    Staff staff) {

  record Sla(OffsetDateTime firstResponseDue, OffsetDateTime resolutionDue) {
  }

  record Resolution(RootCause rootCause, String text, boolean serviceFailureAcknowledged, OffsetDateTime resolvedAt) {
  }

  /** The latest survey: open until {@code answerBy}, answered, or expired unanswered. */
  record SurveyView(int round, boolean awaited, OffsetDateTime answerBy, Integer score, String comment,
      OffsetDateTime answeredAt, boolean expired) {
  }

  /**
   * The compensation as the customer sees it: being approved (no amount yet), or granted with
   * its amount, and once issued its code. A rejected proposal is the staff's business only.
   */
  record CompensationView(CompensationType type, String state, Money amount, String code, OffsetDateTime issuedAt) {
    static CompensationView of(CompensationInfo.Summary s, ZoneId zone) {
      if (s == null || "REJECTED".equals(s.state())) {
        return null;
      }
      boolean granted = !"AWAITING_APPROVAL".equals(s.state());
      return new CompensationView(s.type(), s.state(), granted ? s.granted() : null, s.issueCode(), at(s.issuedAt(), zone));
    }
  }

  /** Only once closed. */
  /** {@code outcome}: RESOLVED, UNRESOLVED, or UNRESOLVED_NO_REPLY (the customer never answered a question). */
  record Closing(OffsetDateTime closedAt, boolean unresolved, String outcome, int reopenCount) {
  }

  /** Only in the staff view. */
  record Staff(NewComplaint.Customer customer, String orderReference, Money orderAmount, OffsetDateTime occurredAt,
      String recordedBy, String handlerGroup, String classifiedBy, String resolvedBy,
      Complaint.CompensationProposal proposedCompensation, CompensationInfo.Summary compensation,
      List<String> handlers, Complaint.QualityReview qualityReview, Kpi kpi) {
  }

  /** {@code waiting}: business time waiting for the customer's answers (ISO-8601), not counted in the resolution's. */
  record Kpi(TimeTo firstResponse, TimeTo resolution, String waiting, Integer csat, int reopenCount, boolean escalated,
      boolean unresolved, List<String> handlers, int qualityScore, boolean innovative) {
  }

  /** A time from receipt, in business hours and in calendar time, and whether its SLA was met. */
  record TimeTo(String business, String calendar, boolean slaMet) {
    static TimeTo of(Duration business, Duration calendar, boolean slaMet) {
      return new TimeTo(business == null ? null : business.toString(), calendar == null ? null : calendar.toString(),
          slaMet);
    }
  }

  /** {@code now} decides whether a survey is still awaited: after its deadline it is not, timer run or not. */
  static ComplaintView forCustomer(Complaint c, Survey survey, CompensationInfo.Summary compensation, Instant now,
      ZoneId zone) {
    return of(c, c.description(), survey, compensation, now, zone, null);
  }

  /**
   * Handlers, survey and KPI only when given (a list view leaves them out); the customer as much as
   * {@code detail} lets the reader see (a reader who sees only a reference does not read what the
   * customer wrote either, the description and the survey's comment: addresses are written there).
   */
  static ComplaintView forStaff(Complaint c, CustomerDetail detail, Survey survey,
      CompensationInfo.Summary compensation, List<String> handlers, ComplaintKpi kpi, Instant now, ZoneId zone) {
    Complaint.Classification cl = c.classification();
    Complaint.Outcome o = c.outcome();
    boolean reference = detail == CustomerDetail.REFERENCE;
    return of(c, reference ? null : c.description(), reference ? null : survey, compensation, now, zone,
        new Staff(shown(c.customer(), detail), c.orderReference(), c.orderAmount(),
        at(c.occurredAt(), zone), c.recordedBy(), cl == null ? null : cl.handlerGroup(),
        cl == null ? null : cl.classifiedBy(), o == null ? null : o.resolvedBy(),
        o == null ? null : o.proposedCompensation(), withoutVoucherCode(compensation), handlers,
        c.qualityReview(), kpi == null ? null : new Kpi(
            TimeTo.of(kpi.firstResponseBusiness(), kpi.firstResponseCalendar(), kpi.firstResponseSlaMet()),
            TimeTo.of(kpi.resolutionBusiness(), kpi.resolutionCalendar(), kpi.resolutionSlaMet()),
            kpi.waitingBusiness().toString(), kpi.csat(), kpi.reopenCount(), kpi.escalated(), kpi.unresolved(), kpi.handlers(), kpi.qualityScore(),
            kpi.innovative())));
  }

  private static NewComplaint.Customer shown(NewComplaint.Customer customer, CustomerDetail detail) {
    return switch (detail) {
      case FULL -> customer;
      case MASKED -> new NewComplaint.Customer(customer.id(), customer.name(), ContactMasking.email(customer.email()),
          ContactMasking.phone(customer.phone()), customer.tier());
      case REFERENCE -> new NewComplaint.Customer(customer.id(), null, null, null, customer.tier());
    };
  }

  private static ComplaintView of(Complaint c, String description, Survey survey,
      CompensationInfo.Summary compensation, Instant now, ZoneId zone, Staff staff) {
    Complaint.Classification cl = c.classification();
    Complaint.Outcome o = c.outcome();
    Complaint.Lifecycle life = c.lifecycle();
    return new ComplaintView(c.reference(), c.status(), c.channel(), c.category(),
        cl == null ? null : cl.severity(), c.subject(), description, at(c.receivedAt(), zone),
        cl == null ? null : new Sla(at(cl.firstResponseDue(), zone), at(cl.resolutionDue(), zone)),
        o == null ? null : new Resolution(o.rootCause(), o.resolution(), o.serviceFailureAcknowledged(),
            at(o.resolvedAt(), zone)),
        // the handler's open question, while the complaint waits for the answer
        c.status() == ComplaintStatus.WAITING_FOR_CUSTOMER ? c.waiting().question() : null,
        // the customer never answered: it ends unresolved for want of a reply
        life.noReply() ? Boolean.TRUE : null,
        c.duplicateOf(),
        CompensationView.of(compensation, zone),
        survey == null ? null : new SurveyView(survey.round(),
            survey.isOpen() && c.status() == ComplaintStatus.AWAITING_FEEDBACK && now.isBefore(survey.dueAt().toInstant()),
            at(survey.dueAt(), zone),
            survey.score(), survey.comment(), at(survey.answeredAt(), zone), survey.expiredAt() != null),
        life.closedAt() == null ? null : new Closing(at(life.closedAt(), zone), life.unresolved(),
            life.noReply() ? "UNRESOLVED_NO_REPLY" : life.unresolved() ? "UNRESOLVED" : "RESOLVED", life.reopenCount()),
        staff);
  }

  /** A voucher code is the customer's money: staff see that one was issued, not the code. */
  static CompensationInfo.Summary withoutVoucherCode(CompensationInfo.Summary s) {
    if (s == null || s.type() != CompensationType.VOUCHER || s.issueCode() == null) {
      return s;
    }
    return new CompensationInfo.Summary(s.proposalId(), s.type(), s.proposed(), s.granted(), s.reason(), s.state(),
        null, s.issuedAt(), s.band(), s.approvers(), s.overBudget(), s.decisions());
  }

  private static OffsetDateTime at(OffsetDateTime time, ZoneId zone) {
    return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
  }
}
