package com.redress.audit;

import com.redress.language.InstallationTexts;
import com.redress.language.Phrase;
import com.redress.language.Wording;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One line in plain words per audit event, as an auditor reads a case: who decided what, on which
 * rule, and why. The event's fields stay available as its details; this only tells them. Rows
 * written before the business-level record (engine activity and variable rows) get a neutral line.
 * The words are the {@code staff.story.*} messages in the installation's language; the values
 * (ids, enum names, amounts, users, quoted texts) are told as recorded.
 */
final class AuditStory {

  private static final String PREFIX = "staff.story.";

  private final InstallationTexts texts;

  AuditStory(InstallationTexts texts) {
    this.texts = texts;
  }

  String line(String type, String actor, Map<String, Object> d) {
    String who = actor == null ? "" : actor + " ";
    return switch (type) {
      case "complaint-received" -> t("received", v(d, "channel"), v(d, "category"), v(d, "customerTier"))
          + (d.containsKey("recordedBy") ? t("received.recordedBy", v(d, "recordedBy")) : "");
      case "complaint-status" -> status(d);
      case "complaint-sla-warning" -> t("slaWarning");
      case "complaint-quality-reviewed" -> t("qualityReviewed", v(d, "reviewedBy"), v(d, "qualityScore"))
          + (Boolean.TRUE.equals(d.get("innovative")) ? t("qualityReviewed.innovative", v(d, "innovationReason")) : "")
          + (d.containsKey("comment") ? t("qualityReviewed.comment", v(d, "comment")) : "");
      case "survey-answered" -> t("surveyAnswered", v(d, "score"))
          + (blank(d.get("comment")) ? "" : t("surveyAnswered.comment", v(d, "comment")));
      case "survey-expired" -> t("surveyExpired");
      case "compensation-budget-reserved" -> t("budgetReserved", v(d, "bandName"),
          list(d.get("approvers"), t("budgetReserved.noApprovers")), v(d, "reserved"), v(d, "budget"),
          v(d, "budgetLeft"))
          + (Boolean.TRUE.equals(d.get("overBudget")) ? t("budgetReserved.overBudget") : "");
      case "compensation-decision" -> compensationDecision(actor, d);
      case "compensation-cancelled" -> t("compensationCancelled", v(d, "released"));
      case "compensation-issued" -> t("issued", v(d, "type"), v(d, "amount"), v(d, "currency"))
          + (d.containsKey("paymentReference") ? t("issued.payment", v(d, "paymentReference")) : "");
      case "compensation-budget-set" -> t("budgetSet", who, v(d, "team"), v(d, "month"), v(d, "amount"),
          v(d, "currency"));
      case AuditHistoryEventHandler.RULE_DECISION -> ruleDecision(d);
      case AuditHistoryEventHandler.USER_OPERATION -> userOperation(actor, d);
      case "incident-create" -> t("incidentCreated", v(d, "processDefinitionKey"), v(d, "message"));
      case "incident-resolve" -> t("incidentResolved", v(d, "incidentType"));
      case "incident-delete" -> t("incidentRemoved", v(d, "incidentType"));
      case AuditHistoryEventHandler.CASE_TERMINATED -> t("terminated", v(d, "processDefinitionKey"))
          + (d.containsKey("reason") ? t("terminated.reason", v(d, "reason")) : "");
      case "four-eyes-refused" -> t("fourEyesRefused", v(d, "user"), recorded("fourEyesRefused.attempt", d, "attempt"),
          v(d, "taskName"), phrased(d, "reason"));
      case "engine-call-refused" -> t("engineCallRefused", v(d, "user"), v(d, "method"), v(d, "path"),
          v(d, "reason"));
      case "customer-replied" -> t("customerReplied", recorded("customerReplied", d, "threadedBy"), v(d, "text"));
      case "mail-needs-attention" -> t("mailNeedsAttention", v(d, "mail"),
          texts.textOr("staff.intake.mail.reason." + v(d, "reason"), v(d, "reason")));
      case "mail-settled" -> t("mailSettled", who, v(d, "mail"));
      case "case-migrated" -> t("caseMigrated", who, v(d, "process"), v(d, "fromVersion"), v(d, "toVersion"),
          list(d.get("mappings"), t("caseMigrated.noMappings")));
      case "migration-run" -> t("migrationRun", who, v(d, "process"), v(d, "fromVersion"), v(d, "toVersion"),
          v(d, "migrated"), v(d, "instances"));
      case "message-sent" -> t("messageSent", v(d, "kind"), v(d, "recipient"), v(d, "subject"));
      case "award-run-opened" -> t("awardRunOpened", v(d, "period"))
          + (d.containsKey("by") ? t("awardRunOpened.by", v(d, "by"))
              : t("awardRunOpened.start", recorded("awardRunOpened.start", d, "start")));
      case "award-scored" -> t("awardScored", v(d, "handlers"), v(d, "complaints"), v(d, "weights"),
          v(d, "eligible"))
          + (d.containsKey("first") ? t("awardScored.first", v(d, "first")) : "");
      case "award-nominated" -> t("awardNominated", list(d.get("nominees"), t("nobody")));
      case "award-nomination-removed" -> t("nominationRemoved", who, v(d, "kind"), v(d, "handler"), v(d, "reason"));
      case "award-nomination-added" -> t("nominationAdded", who, v(d, "handler"), v(d, "reason"));
      case "award-nominations-confirmed" -> t("nominationsConfirmed", who, list(d.get("nominees"), t("nobody")));
      case "award-tier" -> t("awardTier", v(d, "decisionVersion"), v(d, "handler"),
          list(d.get("outputs"), t("noAward")));
      case "award-budget-checked" -> t("awardBudgetChecked", v(d, "total"), v(d, "currency"), v(d, "budget"))
          + (Boolean.TRUE.equals(d.get("overBudget")) ? t("awardBudgetChecked.overBudget") : "");
      case "award-cut" -> t("awardCut", who, v(d, "award"), v(d, "handler"), v(d, "reason"), v(d, "total"));
      case "award-excess-approved" -> t("awardExcessApproved", who, v(d, "total"), v(d, "budget"), v(d, "reason"));
      case "award-excess-refused" -> t("awardExcessRefused", who, v(d, "total"), v(d, "budget"), v(d, "reason"));
      case "award-approved" -> t("awardsApproved", who, v(d, "total"), list(d.get("awards"), t("none")));
      case "award-published" -> d.containsKey("result") ? t("awardPublished.result", v(d, "result"))
          : t("awardPublished", list(d.get("winners"), t("none")), v(d, "objectionDue"));
      case "award-objection-filed" -> t("objectionFiled", v(d, "by"), v(d, "reason"));
      case "award-objection-decided" -> t("objectionDecided", who, objectionDecision(v(d, "decision")),
          v(d, "objection"), v(d, "reason"))
          + (d.containsKey("cut") ? t("objectionDecided.cut", v(d, "cut")) : "");
      case "award-republished" -> t("awardRepublished", list(d.get("winners"), t("none")));
      case "award-final" -> t("awardFinal", list(d.get("winners"), t("none")), v(d, "total"));
      default -> t("engineRecord", type + (d.containsKey("activityName") ? " " + v(d, "activityName") : ""));
    };
  }

  private String status(Map<String, Object> d) {
    String status = v(d, "status");
    if (d.containsKey("answer")) {
      return t("status.answered", v(d, "answer"), v(d, "waited"), v(d, "resolutionDue"));
    }
    return switch (status) {
      case "WAITING_FOR_CUSTOMER" -> t("status.WAITING_FOR_CUSTOMER", v(d, "askedBy"), v(d, "question"));
      case "DUPLICATE" -> t("status.DUPLICATE", v(d, "duplicateOf"));
      case "TRIAGE" -> t("status.TRIAGE");
      case "IN_PROGRESS" -> t("status.IN_PROGRESS", v(d, "severity"), v(d, "handlerGroup"), v(d, "classifiedBy"),
          v(d, "resolutionDue"));
      case "ESCALATED" -> t("status.ESCALATED");
      case "AWAITING_APPROVAL" -> t("status.AWAITING_APPROVAL", v(d, "proposalId"));
      case "AWAITING_FEEDBACK" -> t("status.AWAITING_FEEDBACK", v(d, "surveyRound"), v(d, "surveyDueAt"));
      case "REOPENED" -> t("status.REOPENED", v(d, "reopenCount"), v(d, "resolutionDue"));
      case "CLOSED" -> t("status.CLOSED", Boolean.TRUE.equals(d.get("resolutionSlaMet")) ? t("status.CLOSED.met")
          : t("status.CLOSED.missed"), v(d, "csat"), v(d, "qualityScore"), v(d, "reopenCount"))
          + (Boolean.TRUE.equals(d.get("unresolved")) ? t("status.CLOSED.unresolved") : "");
      case "RESOLVED" -> resolved(d);
      default -> t("status", status);
    };
  }

  private String resolved(Map<String, Object> d) {
    if (Boolean.TRUE.equals(d.get("noReply"))) {
      return t("status.RESOLVED.noReply", v(d, "waited"));
    }
    if (Boolean.TRUE.equals(d.get("unresolved"))) {
      return t("status.RESOLVED.unresolved");
    }
    if (!d.containsKey("rootCause")) {
      return t("status.RESOLVED.plain");
    }
    String line = t("status.RESOLVED", v(d, "resolvedBy"), v(d, "rootCause"))
        + (d.containsKey("resolution") ? t("status.RESOLVED.resolution", v(d, "resolution")) : "");
    if (d.get("proposedCompensation") instanceof Map<?, ?> proposal) {
      line += t("status.RESOLVED.proposed", proposal.get("type"), proposal.get("amount"), proposal.get("currency"),
          proposal.get("reason"));
    }
    return line;
  }

  private String compensationDecision(String actor, Map<String, Object> d) {
    if (d.containsKey("by")) {
      return t("compensationDecision.standing", v(d, "amount"), v(d, "currency"),
          recorded("compensationDecision.standing", d, "by"));
    }
    String verb = switch (v(d, "decision")) {
      case "APPROVE" -> t("compensationDecision.APPROVE");
      case "REJECT" -> t("compensationDecision.REJECT");
      case "LOWER" -> t("compensationDecision.LOWER");
      default -> v(d, "decision");
    };
    String amount = d.containsKey("amountAfter") && !v(d, "amountAfter").equals(v(d, "amountBefore"))
        ? t("compensationDecision.changed", v(d, "amountBefore"), v(d, "amountAfter")) : v(d, "amountBefore");
    // rows from before the business-level record have no decidedBy and currency
    String who = d.containsKey("decidedBy") ? v(d, "decidedBy") : actor == null ? "?" : actor;
    return t("compensationDecision", who, v(d, "approverGroup"), verb, amount)
        + (d.containsKey("currency") ? " " + v(d, "currency") : "")
        + (d.containsKey("reason") ? t("compensationDecision.reason", v(d, "reason")) : "");
  }

  private String objectionDecision(String decision) {
    return switch (decision) {
      case "UPHELD" -> t("objectionDecided.UPHELD");
      case "DISMISSED" -> t("objectionDecided.DISMISSED");
      default -> decision.toLowerCase();
    };
  }

  private String ruleDecision(Map<String, Object> d) {
    String rules = d.get("matchedRules") instanceof Collection<?> matched && !matched.isEmpty()
        ? t(matched.size() == 1 ? "ruleDecision.rule" : "ruleDecision.rules", list(matched, ""))
        : t("ruleDecision.noRule");
    return t("ruleDecision", v(d, "decisionKey"), v(d, "decisionVersion"), rules)
        + (d.get("outputs") instanceof Map<?, ?> outputs && !outputs.isEmpty()
            ? t("ruleDecision.outputs", pairs(outputs)) : "")
        + (d.get("inputs") instanceof Map<?, ?> inputs ? t("ruleDecision.inputs", pairs(inputs)) : "");
  }

  private String userOperation(String actor, Map<String, Object> d) {
    String who = actor == null ? t("someone") : actor;
    String task = d.containsKey("taskName") ? t("task.named", v(d, "taskName")) : t("task.unnamed");
    String operation = v(d, "operationType");
    if ("Task".equals(d.get("entityType"))) {
      switch (operation) {
        case "Claim":
          return d.get("newValue") == null ? t("task.unclaimed", who, task) : t("task.claimed", who, task);
        case "Complete":
          return t("task.completed", who, task);
        case "Assign":
          return t("task.assigned", who, task, v(d, "newValue"));
        case "Delegate":
          return t("task.delegated", who, task, v(d, "newValue"));
        default:
          break;
      }
    }
    String line = t("operation", who, operation, v(d, "entityType"));
    if (d.containsKey("property") && !"delete".equals(d.get("property"))) {
      line += t("operation.property", v(d, "property"))
          + (d.containsKey("orgValue") ? " " + v(d, "orgValue") + " →" : "")
          + (d.containsKey("newValue") ? " " + v(d, "newValue") : "");
    }
    return line;
  }

  /**
   * A fixed English value the event recorded ("monthly timer"), told by its own story text
   * {@code staff.story.<key>.<value, words joined by dashes>}; a value without one as recorded.
   */
  private String recorded(String key, Map<String, Object> d, String field) {
    String value = v(d, field);
    return texts.textOr(PREFIX + key + "." + value.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", ""), value);
  }

  /** A refusal recorded with its phrase (newer events), said again in the installation's language. */
  private String phrased(Map<String, Object> d, String field) {
    if (d.get(field + "Phrase") instanceof String name && d.get(field + "Arguments") instanceof List<?> arguments
        && Arrays.stream(Phrase.values()).anyMatch(p -> p.name().equals(name))) {
      return texts.say(new Wording(Phrase.valueOf(name), arguments.stream().map(String::valueOf).toList()));
    }
    return v(d, field);
  }

  /** The story text {@code staff.story.key} in the installation's language. */
  private String t(String key, Object... arguments) {
    return texts.text(PREFIX + key, arguments);
  }

  private String pairs(Map<?, ?> values) {
    return values.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(t("separator")));
  }

  private String list(Object values, String none) {
    if (values instanceof Collection<?> c) {
      return c.isEmpty() ? none : c.stream().map(String::valueOf).collect(Collectors.joining(t("separator")));
    }
    return values == null ? none : String.valueOf(values);
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }

  private String v(Map<String, Object> d, String key) {
    Object value = d.get(key);
    return value == null ? "?" : value instanceof List<?> l ? list(l, t("none")) : value.toString();
  }
}
