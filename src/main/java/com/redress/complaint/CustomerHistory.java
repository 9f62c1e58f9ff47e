package com.redress.complaint;

import com.redress.audit.AuditTimeline;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A complaint's history in the customer's words, read from the audit trail's domain events. Staff
 * matters (SLA warnings, quality reviews) are left out.
 */
@Component
class CustomerHistory {

  /** One line: when, the message key in messages.properties and its one argument. */
  record Step(OffsetDateTime at, String messageKey, Object argument) {
  }

  private final AuditTimeline timeline;

  CustomerHistory(AuditTimeline timeline) {
    this.timeline = timeline;
  }

  List<Step> of(String reference, ZoneId zone) {
    List<Step> steps = new ArrayList<>();
    for (AuditTimeline.Entry e : timeline.domainChanges(reference, zone)) {
      Map<String, Object> d = e.details();
      String key = switch (e.type()) {
        case "complaint-received" -> "customer.history.received";
        case "survey-answered" -> "customer.history.surveyAnswered";
        case "survey-expired" -> "customer.history.surveyExpired";
        // a compensation being approved shows in the status until decided; a rejected one is staff business
        case ComplaintService.STATUS_CHANGED -> ComplaintStatus.AWAITING_APPROVAL.name().equals(d.get("status")) ? null
            : Boolean.TRUE.equals(d.get("noReply")) ? "customer.history.noReply"
            : d.containsKey("answer") ? "customer.history.answered"
            : Boolean.TRUE.equals(d.get("unresolved")) && !ComplaintStatus.CLOSED.name().equals(d.get("status"))
                ? "customer.history.unresolved"
                : "customer.history." + d.get("status");
        default -> null;
      };
      if (key != null) {
        steps.add(new Step(e.time(), key, d.getOrDefault("score", d.get("duplicateOf"))));
      }
    }
    return steps;
  }
}
