package com.redress.complaint;

import com.redress.shared.BusinessCalendar;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The figures of a closed complaint, written once at its closing. Times run from receipt to the
 * first human action and to the last resolution (for one closed unanswered, to its closing), in
 * business hours and in calendar time; the business time it waited for the customer's answers is
 * kept apart and not counted in the resolution's. The resolution SLA counts as met when no handling
 * round breached it; CSAT is the answer about the final resolution.
 */
public record ComplaintKpi(
    String reference,
    OffsetDateTime closedAt,
    OffsetDateTime receivedAt,
    Category category,
    Severity severity,
    String handlerGroup,
    Duration firstResponseBusiness,
    Duration firstResponseCalendar,
    boolean firstResponseSlaMet,
    Duration resolutionBusiness,
    Duration resolutionCalendar,
    boolean resolutionSlaMet,
    Duration waitingBusiness,
    Integer csat,
    int reopenCount,
    boolean escalated,
    boolean unresolved,
    List<String> handlers,
    int qualityScore,
    boolean innovative) {

  static ComplaintKpi of(Complaint c, OffsetDateTime closedAt, Integer csat, List<String> handlers,
      BusinessCalendar calendar) {
    Complaint.Classification cl = c.classification();
    OffsetDateTime received = c.receivedAt();
    OffsetDateTime firstResponse = c.sla().firstResponseAt();
    // unanswered: the handling ended when the waiting did, not at the review after it
    OffsetDateTime resolved = c.lifecycle().noReply() ? c.lifecycle().noReplyAt() : c.outcome().resolvedAt();
    Duration waited = c.waiting().waited();
    return new ComplaintKpi(c.reference(), closedAt, received, c.category(), cl.severity(), cl.handlerGroup(),
        firstResponse == null ? null : calendar.between(received.toInstant(), firstResponse.toInstant()),
        firstResponse == null ? null : Duration.between(received, firstResponse),
        firstResponse != null && !firstResponse.isAfter(cl.firstResponseDue()),
        calendar.between(received.toInstant(), resolved.toInstant()).minus(waited),
        Duration.between(received, resolved),
        c.sla().breachedAt() == null,
        waited,
        csat,
        c.lifecycle().reopenCount(),
        c.sla().breachedAt() != null,
        c.lifecycle().unresolved(),
        List.copyOf(handlers),
        c.qualityReview().score(),
        c.qualityReview().innovative());
  }
}
