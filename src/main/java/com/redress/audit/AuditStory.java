package com.redress.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One line in plain words per audit event, as an auditor reads a case: who decided what, on which
 * rule, and why. The event's fields stay available as its details; this only tells them. Rows
 * written before the business-level record (engine activity and variable rows) get a neutral line.
 */
final class AuditStory {

  private AuditStory() {
  }

  static String line(String type, String actor, Map<String, Object> d) {
    String who = actor == null ? "" : actor + " ";
    return switch (type) {
      case "complaint-received" -> "Complaint received by " + v(d, "channel") + ": " + v(d, "category")
          + ", customer tier " + v(d, "customerTier") + (d.containsKey("recordedBy") ? ", recorded by "
          + v(d, "recordedBy") : "");
      case "complaint-status" -> status(d);
      case "complaint-sla-warning" -> "75 % of the resolution SLA has passed: the supervisors were warned";
      case "complaint-quality-reviewed" -> v(d, "reviewedBy") + " scored the handling " + v(d, "qualityScore") + "/5"
          + (Boolean.TRUE.equals(d.get("innovative")) ? ", innovative: '" + v(d, "innovationReason") + "'" : "")
          + (d.containsKey("comment") ? " ('" + v(d, "comment") + "')" : "");
      case "survey-answered" -> "The customer answered the survey with " + v(d, "score") + "/5"
          + (blank(d.get("comment")) ? "" : ": '" + v(d, "comment") + "'");
      case "survey-expired" -> "The survey expired unanswered";
      case "compensation-budget-reserved" -> "Compensation policy: band " + v(d, "bandName") + ", approvers "
          + list(d.get("approvers"), "none (handler's own authority)") + "; " + v(d, "reserved") + " reserved from "
          + v(d, "budget") + " (" + v(d, "budgetLeft") + " left)"
          + (Boolean.TRUE.equals(d.get("overBudget")) ? ", over budget: finance co-signs" : "");
      case "compensation-decision" -> compensationDecision(actor, d);
      case "compensation-cancelled" -> "The compensation was cancelled; " + v(d, "released") + " went back to the budget";
      case "compensation-issued" -> "Issued " + v(d, "type") + " of " + v(d, "amount") + " " + v(d, "currency")
          + (d.containsKey("paymentReference") ? " (payment " + v(d, "paymentReference") + ")" : "");
      case "compensation-budget-set" -> who + "set the budget of " + v(d, "team") + " for " + v(d, "month") + " to "
          + v(d, "amount") + " " + v(d, "currency");
      case AuditHistoryEventHandler.RULE_DECISION -> ruleDecision(d);
      case AuditHistoryEventHandler.USER_OPERATION -> userOperation(actor, d);
      case "incident-create" -> "Incident at " + v(d, "processDefinitionKey") + ": " + v(d, "message");
      case "incident-resolve" -> "Incident resolved (" + v(d, "incidentType") + ")";
      case "incident-delete" -> "Incident removed with its step (" + v(d, "incidentType") + ")";
      case AuditHistoryEventHandler.CASE_TERMINATED -> v(d, "processDefinitionKey") + " was ended before finishing"
          + (d.containsKey("reason") ? ": " + v(d, "reason") : "");
      case "four-eyes-refused" -> v(d, "user") + " was refused (four eyes) to " + v(d, "attempt") + " '"
          + v(d, "taskName") + "': " + v(d, "reason");
      case "engine-call-refused" -> v(d, "user") + " was refused " + v(d, "method") + " " + v(d, "path") + ": "
          + v(d, "reason");
      case "message-sent" -> "Sent " + v(d, "kind") + " to " + v(d, "recipient") + ": '" + v(d, "subject") + "'";
      case "award-run-opened" -> "Award run opened for " + v(d, "period")
          + (d.containsKey("by") ? " by " + v(d, "by") : " by the " + v(d, "start"));
      case "award-scored" -> "Scored " + v(d, "handlers") + " handlers over " + v(d, "complaints") + " complaints ("
          + v(d, "weights") + "); " + v(d, "eligible") + " eligible" + (d.containsKey("first") ? ", first "
          + v(d, "first") : "");
      case "award-nominated" -> "Nominated by rank: " + list(d.get("nominees"), "nobody");
      case "award-nomination-removed" -> who + "removed the " + v(d, "kind") + " nomination of " + v(d, "handler")
          + ": '" + v(d, "reason") + "'";
      case "award-nomination-added" -> who + "nominated " + v(d, "handler") + " for innovation: '" + v(d, "reason")
          + "'";
      case "award-nominations-confirmed" -> who + "confirmed the nominations: " + list(d.get("nominees"), "nobody");
      case "award-tier" -> "AwardTier v" + v(d, "decisionVersion") + " for " + v(d, "handler") + ": "
          + list(d.get("outputs"), "no award");
      case "award-budget-checked" -> "Proposed awards total " + v(d, "total") + " " + v(d, "currency")
          + " against a budget of " + v(d, "budget") + (Boolean.TRUE.equals(d.get("overBudget")) ? ": over budget" : "");
      case "award-cut" -> who + "cut " + v(d, "award") + " of " + v(d, "handler") + ": '" + v(d, "reason")
          + "'; total now " + v(d, "total");
      case "award-excess-approved" -> who + "approved the cash above budget (" + v(d, "total") + " of "
          + v(d, "budget") + "): '" + v(d, "reason") + "'";
      case "award-excess-refused" -> who + "refused the cash above budget (" + v(d, "total") + " of "
          + v(d, "budget") + "): '" + v(d, "reason") + "'";
      case "award-approved" -> who + "approved the awards, total " + v(d, "total") + ": " + list(d.get("awards"), "none");
      case "award-published" -> d.containsKey("result") ? "Published: " + v(d, "result")
          : "Published the winners " + list(d.get("winners"), "none") + "; objections until " + v(d, "objectionDue");
      case "award-objection-filed" -> v(d, "by") + " objected: '" + v(d, "reason") + "'";
      case "award-objection-decided" -> who + v(d, "decision").toLowerCase() + " objection " + v(d, "objection")
          + ": '" + v(d, "reason") + "'" + (d.containsKey("cut") ? "; cut " + v(d, "cut") : "");
      case "award-republished" -> "Republished the winners " + list(d.get("winners"), "none");
      case "award-final" -> "The payout list is final: " + list(d.get("winners"), "none") + ", total " + v(d, "total");
      default -> type + (d.containsKey("activityName") ? " " + v(d, "activityName") : "") + " (engine record)";
    };
  }

  private static String status(Map<String, Object> d) {
    String status = v(d, "status");
    return switch (status) {
      case "DUPLICATE" -> "Linked as a duplicate of " + v(d, "duplicateOf");
      case "TRIAGE" -> "No rule matched: sent to the dispatchers for triage";
      case "IN_PROGRESS" -> "Classified " + v(d, "severity") + " for " + v(d, "handlerGroup") + " by "
          + v(d, "classifiedBy") + "; resolution due " + v(d, "resolutionDue");
      case "ESCALATED" -> "The resolution SLA was breached: escalated to the supervisors";
      case "AWAITING_APPROVAL" -> "Compensation " + v(d, "proposalId") + " went to approval";
      case "AWAITING_FEEDBACK" -> "Survey round " + v(d, "surveyRound") + " opened, answer due " + v(d, "surveyDueAt");
      case "REOPENED" -> "Reopened (" + v(d, "reopenCount") + "), resolution now due " + v(d, "resolutionDue");
      case "CLOSED" -> "Closed: resolution SLA " + (Boolean.TRUE.equals(d.get("resolutionSlaMet")) ? "met" : "missed")
          + ", satisfaction " + v(d, "csat") + ", quality " + v(d, "qualityScore") + ", reopened "
          + v(d, "reopenCount") + " times" + (Boolean.TRUE.equals(d.get("unresolved")) ? ", unresolved" : "");
      case "RESOLVED" -> resolved(d);
      default -> "Status " + status;
    };
  }

  private static String resolved(Map<String, Object> d) {
    if (Boolean.TRUE.equals(d.get("unresolved"))) {
      return "Unhappy again with no reopening left: goes on to review as unresolved";
    }
    if (!d.containsKey("rootCause")) {
      return "Resolved";
    }
    String line = v(d, "resolvedBy") + " resolved it: root cause " + v(d, "rootCause")
        + (d.containsKey("resolution") ? ", '" + v(d, "resolution") + "'" : "");
    if (d.get("proposedCompensation") instanceof Map<?, ?> proposal) {
      line += "; proposed " + proposal.get("type") + " of " + proposal.get("amount") + " " + proposal.get("currency")
          + ": '" + proposal.get("reason") + "'";
    }
    return line;
  }

  private static String compensationDecision(String actor, Map<String, Object> d) {
    if (d.containsKey("by")) {
      return "Approved " + v(d, "amount") + " " + v(d, "currency") + " on " + v(d, "by");
    }
    String verb = switch (v(d, "decision")) {
      case "APPROVE" -> "approved ";
      case "REJECT" -> "rejected ";
      case "LOWER" -> "lowered ";
      default -> v(d, "decision") + " ";
    };
    String amount = d.containsKey("amountAfter") && !v(d, "amountAfter").equals(v(d, "amountBefore"))
        ? v(d, "amountBefore") + " to " + v(d, "amountAfter") : v(d, "amountBefore");
    // rows from before the business-level record have no decidedBy and currency
    String who = d.containsKey("decidedBy") ? v(d, "decidedBy") : actor == null ? "?" : actor;
    return who + " (" + v(d, "approverGroup") + ") " + verb + amount + (d.containsKey("currency") ? " " + v(d, "currency")
        : "") + (d.containsKey("reason") ? ": '" + v(d, "reason") + "'" : "");
  }

  private static String ruleDecision(Map<String, Object> d) {
    String rules = d.get("matchedRules") instanceof Collection<?> matched && !matched.isEmpty()
        ? (matched.size() == 1 ? "rule " : "rules ") + list(matched, "") : "no rule matched";
    return "Decided by " + v(d, "decisionKey") + " v" + v(d, "decisionVersion") + ", " + rules
        + (d.get("outputs") instanceof Map<?, ?> outputs && !outputs.isEmpty() ? ": " + pairs(outputs) : "")
        + (d.get("inputs") instanceof Map<?, ?> inputs ? " (" + pairs(inputs) + ")" : "");
  }

  private static String userOperation(String actor, Map<String, Object> d) {
    String who = actor == null ? "Someone" : actor;
    String task = d.containsKey("taskName") ? " '" + v(d, "taskName") + "'" : " a task";
    String operation = v(d, "operationType");
    if ("Task".equals(d.get("entityType"))) {
      switch (operation) {
        case "Claim":
          return who + (d.get("newValue") == null ? " unclaimed" + task : " claimed" + task);
        case "Complete":
          return who + " completed" + task;
        case "Assign":
          return who + " assigned" + task + " to " + v(d, "newValue");
        case "Delegate":
          return who + " delegated" + task + " to " + v(d, "newValue");
        default:
          break;
      }
    }
    String line = who + ": " + operation + " " + v(d, "entityType");
    if (d.containsKey("property") && !"delete".equals(d.get("property"))) {
      line += ", " + v(d, "property") + (d.containsKey("orgValue") ? " " + v(d, "orgValue") + " →" : "")
          + (d.containsKey("newValue") ? " " + v(d, "newValue") : "");
    }
    return line;
  }

  private static String pairs(Map<?, ?> values) {
    return values.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static String list(Object values, String none) {
    if (values instanceof Collection<?> c) {
      return c.isEmpty() ? none : c.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return values == null ? none : String.valueOf(values);
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }

  private static String v(Map<String, Object> d, String key) {
    Object value = d.get(key);
    return value == null ? "?" : value instanceof List<?> l ? list(l, "none") : value.toString();
  }
}
