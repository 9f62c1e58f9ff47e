package com.redress.analysis;

import static com.redress.compensation.CompensationApprovalProcess.DECISION_APPROVERS;
import static com.redress.compensation.CompensationApprovalProcess.DECISION_POLICY;
import static com.redress.compensation.CompensationApprovalProcess.GRANTED_LAST_90_DAYS;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_AMOUNT;
import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_TYPE;
import static com.redress.complaint.ComplaintHandlingProcess.CUSTOMER_TIER;
import static com.redress.complaint.ComplaintHandlingProcess.SEVERITY;

import com.redress.compensation.ApprovalChain;
import com.redress.compensation.CompensationSettings;
import com.redress.language.InstallationTexts;
import com.redress.shared.AppClock;
import com.redress.shared.DayRange;
import com.redress.shared.DeployedDecisions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A changed CompensationPolicy on the compensations of closed complaints: band and approver chain
 * then and now, from the inputs stored with each proposal. Money follows one rule: a proposal that
 * now falls within the handler's own authority is issued as proposed; every other keeps what the
 * approvers actually decided (what they would decide in a new chain cannot be known).
 */
@Component
class CompensationReplay implements DecisionReplay {

  private static final String APPROVERS = "approvers";
  private static final List<String> DIMENSIONS = List.of(ApprovalChain.BAND_NAME, SEVERITY.name(), "team");

  /** The changed policy's band and the approvers of that band. */
  private record Band(String name, List<String> approvers) {
  }

  /** Approval tasks, own-authority proposals and money, then and with the change. */
  private static final class Totals {
    int tasksBefore;
    int tasksAfter;
    int ownBefore;
    int ownAfter;
    BigDecimal costBefore = BigDecimal.ZERO;
    BigDecimal costAfter = BigDecimal.ZERO;

    void add(Case c, List<String> chain) {
      tasksBefore += c.chain().size();
      tasksAfter += chain.size();
      ownBefore += c.chain().isEmpty() ? 1 : 0;
      ownAfter += chain.isEmpty() ? 1 : 0;
      costBefore = costBefore.add(c.issued());
      // now within the handler's authority: issued as proposed; otherwise what the approvers decided
      costAfter = costAfter.add(chain.isEmpty() && !c.chain().isEmpty() ? c.proposed() : c.issued());
    }
  }

  private record Case(String id, Map<String, Object> inputs, String bandName, List<String> chain, boolean overBudget,
      BigDecimal proposed, BigDecimal issued, String severity, String team) {
  }

  private final JdbcClient jdbc;
  private final AppClock clock;
  private final DeployedDecisions decisions;
  private final RepositoryService repository;
  private final CompensationSettings settings;

  private final InstallationTexts texts;

  CompensationReplay(JdbcClient jdbc, AppClock clock, DeployedDecisions decisions, RepositoryService repository,
      CompensationSettings settings, InstallationTexts texts) {
    this.texts = texts;
    this.jdbc = jdbc;
    this.clock = clock;
    this.decisions = decisions;
    this.repository = repository;
    this.settings = settings;
  }

  @Override
  public String decisionKey() {
    return DECISION_POLICY;
  }

  @Override
  public WhatIfReport replay(Map<String, DmnDecision> changed, DayRange period, Progress progress) {
    List<Case> cases = cases(period);
    progress.total(cases.size());
    DmnDecision policy = changed.get(DECISION_POLICY);
    DmnDecision approvers = changed.containsKey(DECISION_APPROVERS) ? changed.get(DECISION_APPROVERS) : deployedApprovers();
    Tally tally = new Tally();
    Failures failures = new Failures();
    Totals totals = new Totals();
    int skipped = Evaluations.replay(cases, Case::inputs, Case::id, inputs -> {
      DmnDecisionResultEntries result = decisions.engine().evaluateDecision(policy, inputs).getSingleResult();
      if (result == null) {
        throw new IllegalStateException("no band matches");
      }
      return new Band((String) result.get(ApprovalChain.BAND_NAME), ApprovalChain.of(decisions.engine()
          .evaluateDecision(approvers, Map.of(ApprovalChain.BAND, result.get(ApprovalChain.BAND))).getResultList()
          .stream().<Map<String, Object>>map(LinkedHashMap::new).toList()));
    }, progress, failures, (c, band) -> {
      // the budget is a fact of the time, not of the policy: over budget, finance approves in addition
      List<String> chain = ApprovalChain.withFinanceIfOverBudget(band.approvers(), c.overBudget());
      totals.add(c, chain);
      tally.add(c.id(), outcome(c.bandName(), c.chain(), c), outcome(band.name(), chain, c), DIMENSIONS);
    });
    String money = texts.text("staff.whatIf.figure.issued", settings.currency());
    return new WhatIfReport(DECISION_POLICY, period.from(), period.to(), cases.size(), skipped, failures.count(),
        failures.messages(), tally.changed(), tally.groups(), List.of(
            count(texts.text("staff.whatIf.figure.approvalTasks"), totals.tasksBefore, totals.tasksAfter),
            count(texts.text("staff.whatIf.figure.ownAuthority"), totals.ownBefore, totals.ownAfter),
            new WhatIfReport.Figure(money, totals.costBefore.toPlainString(), totals.costAfter.toPlainString(),
                totals.costAfter.subtract(totals.costBefore).toPlainString())),
        tally.changedCases());
  }

  private List<Case> cases(DayRange period) {
    return jdbc.sql("""
        SELECT p.id, p.compensation_type, p.amount, p.granted_last_90_days, p.band, p.band_name, p.approver_groups,
          p.over_budget, p.team, c.customer_tier, c.severity, i.amount AS issued
        FROM compensation p
          JOIN complaint c ON c.reference = p.complaint_reference
          JOIN complaint_kpi k ON k.complaint_reference = p.complaint_reference
          LEFT JOIN compensation_issue i ON i.compensation_id = p.id
        WHERE k.closed_at >= :start AND k.closed_at < :end ORDER BY p.id""")
        .param("start", period.start(clock.businessZone())).param("end", period.end(clock.businessZone()))
        .query((rs, row) -> {
          BigDecimal granted = rs.getBigDecimal("granted_last_90_days");
          Map<String, Object> inputs = null;
          // rows from before the inputs were stored, or whose policy never ran, cannot be replayed
          if (granted != null && rs.getObject("band") != null) {
            inputs = new HashMap<>();
            inputs.put(COMPENSATION_TYPE.name(), rs.getString("compensation_type"));
            inputs.put(COMPENSATION_AMOUNT.name(), rs.getBigDecimal("amount").toPlainString());
            inputs.put(GRANTED_LAST_90_DAYS.name(), granted.toPlainString());
            inputs.put(CUSTOMER_TIER.name(), rs.getString("customer_tier"));
            inputs.put(SEVERITY.name(), rs.getString("severity"));
          }
          String chain = rs.getString("approver_groups");
          BigDecimal issued = rs.getBigDecimal("issued");
          return new Case(rs.getString("id"), inputs, rs.getString("band_name"),
              chain == null || chain.isEmpty() ? List.of() : Arrays.asList(chain.split(",")),
              rs.getBoolean("over_budget"), rs.getBigDecimal("amount"), issued == null ? BigDecimal.ZERO : issued,
              rs.getString("severity"), rs.getString("team"));
        })
        .list();
  }

  /** The approvers as deployed now, when the uploaded file changes only the policy. */
  private DmnDecision deployedApprovers() {
    DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_APPROVERS)
        .latestVersion().singleResult();
    if (latest == null) {
      throw new IllegalStateException("The file has no " + DECISION_APPROVERS + " and none is deployed");
    }
    try (InputStream model = repository.getDecisionModel(latest.getId())) {
      return decisions.engine().parseDecision(DECISION_APPROVERS, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Object> outcome(String bandName, List<String> chain, Case c) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put(ApprovalChain.BAND_NAME, bandName);
    outcome.put(APPROVERS, chain.isEmpty() ? texts.text("staff.whatIf.ownAuthority")
        : String.join(texts.text("staff.whatIf.then"), chain));
    outcome.put(SEVERITY.name(), c.severity());
    outcome.put("team", c.team());
    return outcome;
  }

  private static WhatIfReport.Figure count(String name, int before, int after) {
    return new WhatIfReport.Figure(name, String.valueOf(before), String.valueOf(after), String.valueOf(after - before));
  }
}
