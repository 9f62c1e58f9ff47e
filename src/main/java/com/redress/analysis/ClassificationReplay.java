package com.redress.analysis;

import static com.redress.complaint.ComplaintHandlingProcess.CATEGORY;
import static com.redress.complaint.ComplaintHandlingProcess.CHANNEL;
import static com.redress.complaint.ComplaintHandlingProcess.COMPLAINTS_LAST_90_DAYS;
import static com.redress.complaint.ComplaintHandlingProcess.CUSTOMER_TIER;
import static com.redress.complaint.ComplaintHandlingProcess.DECISION_CLASSIFICATION;
import static com.redress.complaint.ComplaintHandlingProcess.FIRST_RESPONSE_SLA_HOURS;
import static com.redress.complaint.ComplaintHandlingProcess.HANDLER_GROUP;
import static com.redress.complaint.ComplaintHandlingProcess.ORDER_AMOUNT_UNITS;
import static com.redress.complaint.ComplaintHandlingProcess.RESOLUTION_SLA_HOURS;
import static com.redress.complaint.ComplaintHandlingProcess.SEVERITY;

import com.redress.language.InstallationTexts;
import com.redress.shared.AppClock;
import com.redress.shared.DayRange;
import com.redress.shared.DeployedDecisions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A changed ComplaintClassification on closed complaints: the rules' severity, team and SLAs then
 * and now, from the inputs stored at registration. A complaint the rules left to triage counts as
 * "no rule" before; one the new rules leave to triage as "no rule" after.
 */
@Component
class ClassificationReplay implements DecisionReplay {

  private static final List<String> DIMENSIONS = List.of(SEVERITY.name(), "team");

  private record Case(String reference, Map<String, Object> inputs, Map<String, Object> outcome) {
  }

  private final JdbcClient jdbc;
  private final AppClock clock;
  private final DeployedDecisions decisions;
  /** What the report shows where no rule matched, in the installation's language. */
  private final String noRule;
  private final InstallationTexts texts;

  ClassificationReplay(JdbcClient jdbc, AppClock clock, DeployedDecisions decisions, InstallationTexts texts) {
    this.texts = texts;
    this.noRule = texts.text("staff.whatIf.noRule");
    this.jdbc = jdbc;
    this.clock = clock;
    this.decisions = decisions;
  }

  @Override
  public String decisionKey() {
    return DECISION_CLASSIFICATION;
  }

  @Override
  public WhatIfReport replay(Map<String, DmnDecision> changed, DayRange period, Progress progress) {
    List<Case> cases = jdbc.sql("""
        SELECT c.reference, c.category, c.channel, c.customer_tier, c.order_amount, c.complaints_last_90_days,
          c.severity, c.handler_group, c.first_response_sla_hours, c.resolution_sla_hours, c.classified_by
        FROM complaint c JOIN complaint_kpi k ON k.complaint_reference = c.reference
        WHERE k.closed_at >= :start AND k.closed_at < :end ORDER BY c.reference""")
        .param("start", period.start(clock.businessZone())).param("end", period.end(clock.businessZone()))
        .query((rs, row) -> {
          Integer recent = rs.getObject("complaints_last_90_days", Integer.class);
          Map<String, Object> inputs = null;
          if (recent != null) {
            BigDecimal amount = rs.getBigDecimal("order_amount");
            inputs = new HashMap<>();
            inputs.put(CATEGORY.name(), rs.getString("category"));
            inputs.put(CHANNEL.name(), rs.getString("channel"));
            inputs.put(CUSTOMER_TIER.name(), rs.getString("customer_tier"));
            inputs.put(ORDER_AMOUNT_UNITS.name(), amount == null ? 0L : amount.setScale(0, RoundingMode.DOWN).longValueExact());
            inputs.put(COMPLAINTS_LAST_90_DAYS.name(), recent);
          }
          boolean byRules = DECISION_CLASSIFICATION.equals(rs.getString("classified_by"));
          return new Case(rs.getString("reference"), inputs, outcome(byRules ? rs.getString("severity") : null,
              rs.getString("handler_group"), rs.getObject("first_response_sla_hours", Integer.class),
              rs.getObject("resolution_sla_hours", Integer.class)));
        })
        .list();
    progress.total(cases.size());
    DmnDecision decision = changed.get(DECISION_CLASSIFICATION);
    Tally tally = new Tally();
    Failures failures = new Failures();
    int[] triage = new int[2];
    int skipped = Evaluations.replay(cases, Case::inputs, Case::reference, inputs -> {
      DmnDecisionResultEntries result = decisions.engine().evaluateDecision(decision, inputs).getSingleResult();
      return result == null ? outcome(null, null, null, null) : outcome((String) result.get(SEVERITY.name()),
          (String) result.get(HANDLER_GROUP.name()), number(result.get(FIRST_RESPONSE_SLA_HOURS.name())),
          number(result.get(RESOLUTION_SLA_HOURS.name())));
    }, progress, failures, (c, after) -> {
      triage[0] += noRule.equals(c.outcome().get(SEVERITY.name())) ? 1 : 0;
      triage[1] += noRule.equals(after.get(SEVERITY.name())) ? 1 : 0;
      tally.add(c.reference(), c.outcome(), after, DIMENSIONS);
    });
    return new WhatIfReport(DECISION_CLASSIFICATION, period.from(), period.to(), cases.size(), skipped,
        failures.count(), failures.messages(), tally.changed(), tally.groups(),
        List.of(new WhatIfReport.Figure(texts.text("staff.whatIf.figure.leftToTriage"), String.valueOf(triage[0]),
            String.valueOf(triage[1]), String.valueOf(triage[1] - triage[0]))),
        tally.changedCases());
  }

  /** What the rules decided; all "no rule" when they matched none. */
  private Map<String, Object> outcome(String severity, String team, Integer firstResponse, Integer resolution) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put(SEVERITY.name(), severity == null ? noRule : severity);
    outcome.put("team", severity == null ? noRule : team);
    outcome.put(FIRST_RESPONSE_SLA_HOURS.name(), severity == null ? null : firstResponse);
    outcome.put(RESOLUTION_SLA_HOURS.name(), severity == null ? null : resolution);
    return outcome;
  }

  private static Integer number(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }
}
