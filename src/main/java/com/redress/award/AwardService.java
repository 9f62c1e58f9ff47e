package com.redress.award;

import com.redress.audit.AuditTrail;
import com.redress.shared.AppClock;
import com.redress.shared.ConflictException;
import com.redress.shared.DeployedDecisions;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.Money;
import com.redress.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Award runs: one per period, opened by the monthly timer or on request, then every handler of the
 * period's closed complaints scored with a breakdown anyone can recompute.
 */
@Service
public class AwardService {

  private static final Logger LOG = LoggerFactory.getLogger(AwardService.class);
  /** Progress is written (and committed on its own) after this many handlers. */
  static final int PROGRESS_EVERY = 100;
  /** Ranked scores written into the run's audit event; the full table stays in award_score. */
  static final int SCORES_IN_TRAIL = 50;

  private final AwardRunRepository runs;
  private final RuntimeService runtime;
  private final AwardSettings settings;
  private final AuditTrail audit;
  private final AppClock clock;
  private final TransactionTemplate progressTransaction;
  private final DeployedDecisions deployedDecisions;

  AwardService(AwardRunRepository runs, RuntimeService runtime, AwardSettings settings, AuditTrail audit,
      AppClock clock, PlatformTransactionManager transactions, DeployedDecisions deployedDecisions) {
    this.deployedDecisions = deployedDecisions;
    this.runs = runs;
    this.runtime = runtime;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
    this.progressTransaction = new TransactionTemplate(transactions);
    this.progressTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Opens the period's run and starts EmployeeAward, in one transaction; a second run for a period is a 409. */
  @Transactional
  public AwardRun request(YearMonth period, String user) {
    if (!period.isBefore(YearMonth.from(clock.nowInBusinessZone()))) {
      throw new InvalidRequestException("period", "must be a month that is over, e.g. "
          + YearMonth.from(clock.nowInBusinessZone()).minusMonths(1));
    }
    String id = AwardRun.idOf(period.toString());
    if (!runs.insert(id, period.toString(), user, null, clock.nowInBusinessZone())) {
      throw new ConflictException(409, "The awards of " + period + " have been run already (" + id + ")");
    }
    audit.recordDomainChange(id, "award-run-opened", Map.of("period", period.toString(), "by", user, "start", "request"));
    ProcessInstance instance = runtime.startProcessInstanceByMessage(EmployeeAwardProcess.MESSAGE_RUN_REQUESTED, id,
        EmployeeAwardProcess.PERIOD.putInto(Variables.createVariables(), period.toString()));
    runs.attachProcess(id, instance.getId());
    return get(id);
  }

  /**
   * The monthly timer: opens the run of the month before {@code now}, unless it was run on request
   * already. The month is read in the server's time zone, the one the timer's cron fires in.
   */
  @Transactional
  public Optional<String> openScheduled(String processInstanceId) {
    YearMonth period = YearMonth.from(clock.now().atZone(ZoneId.systemDefault())).minusMonths(1);
    String id = AwardRun.idOf(period.toString());
    if (!runs.insert(id, period.toString(), null, processInstanceId, clock.nowInBusinessZone())) {
      LOG.info("Award run {} exists already; the monthly timer leaves it", id);
      return Optional.empty();
    }
    audit.recordDomainChange(id, "award-run-opened", Map.of("period", period.toString(), "start", "monthly timer"));
    return Optional.of(id);
  }

  /** Scores every handler of the period's closed complaints; returns how many are eligible. */
  @Transactional
  public int score(String runId) {
    AwardRun run = get(runId);
    YearMonth period = YearMonth.parse(run.period());
    OffsetDateTime from = period.atDay(1).atStartOfDay(clock.businessZone()).toOffsetDateTime();
    OffsetDateTime to = period.plusMonths(1).atDay(1).atStartOfDay(clock.businessZone()).toOffsetDateTime();
    Map<String, List<HandlerScore.Counted>> byHandler = new LinkedHashMap<>();
    runs.closedBetween(from, to).forEach(e -> byHandler.computeIfAbsent(e.getKey(), h -> new ArrayList<>())
        .add(e.getValue()));
    reportProgress(runId, 0, byHandler.size());

    List<HandlerScore> scores = new ArrayList<>(byHandler.size());
    for (Map.Entry<String, List<HandlerScore.Counted>> handler : byHandler.entrySet()) {
      scores.add(HandlerScore.of(handler.getKey(), handler.getValue(), settings));
      if (scores.size() % PROGRESS_EVERY == 0) {
        reportProgress(runId, scores.size(), byHandler.size());
      }
    }
    Map<String, Integer> ranks = rank(scores);
    runs.saveScores(runId, scores, ranks);
    long complaints = byHandler.values().stream().flatMap(List::stream).map(HandlerScore.Counted::reference)
        .distinct().count();
    runs.finishScoring(runId, AwardRun.Status.SCORED, scores.size(), (int) complaints,
        settings.weights().toString(), settings.minimumComplaints(), settings.innovationCap(),
        clock.nowInBusinessZone());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("period", run.period());
    details.put("handlers", scores.size());
    details.put("eligible", ranks.size());
    details.put("complaints", complaints);
    details.put("weights", settings.weights().toString());
    details.put("minimumComplaints", settings.minimumComplaints());
    scores.stream().filter(s -> Integer.valueOf(1).equals(ranks.get(s.handler()))).findFirst()
        .ifPresent(top -> details.put("first", top.handler() + " " + top.score().toPlainString()));
    // the ranked scores with their breakdown, so the run's story explains the ranking (the rest is in award_score)
    List<HandlerScore> ranked = scores.stream().filter(s -> ranks.containsKey(s.handler()))
        .sorted(Comparator.comparing(s -> ranks.get(s.handler()))).toList();
    if (ranked.size() > SCORES_IN_TRAIL) {
      details.put("moreRanked", ranked.size() - SCORES_IN_TRAIL);
    }
    details.put("scores", ranked.stream().limit(SCORES_IN_TRAIL).map(s -> {
      Map<String, Object> breakdown = new LinkedHashMap<>();
      breakdown.put("handler", s.handler());
      breakdown.put("rank", ranks.get(s.handler()));
      breakdown.put("score", s.score().toPlainString());
      breakdown.put("complaints", s.complaints().size());
      breakdown.put("withinSla", s.withinSla());
      breakdown.put("timeliness", s.timeliness().toPlainString());
      breakdown.put("quality", s.quality().toPlainString());
      breakdown.put("satisfaction", s.satisfaction() == null ? "none" : s.satisfaction().toPlainString());
      breakdown.put("innovation", s.innovation());
      return breakdown;
    }).toList());
    audit.recordDomainChange(runId, "award-scored", details);
    return ranks.size();
  }

  /**
   * Commits how far scoring got, visible while the scoring transaction still runs. The scoring
   * transaction never writes the run's row before its end, so this never waits for it.
   */
  private void reportProgress(String runId, int scored, int total) {
    progressTransaction.executeWithoutResult(tx -> runs.progress(runId, scored, total, clock.nowInBusinessZone()));
    LOG.info("Award run {}: {} of {} handlers scored", runId, scored, total);
  }

  /**
   * Ranks the eligible (at least the minimum number of complaints): higher score first; on a tie
   * more complaints first, then the user id alphabetically, so the order never depends on chance.
   */
  Map<String, Integer> rank(List<HandlerScore> scores) {
    List<HandlerScore> eligible = scores.stream()
        .filter(s -> s.complaints().size() >= settings.minimumComplaints())
        .sorted(Comparator.comparing(HandlerScore::score).reversed()
            .thenComparing(Comparator.comparingInt((HandlerScore s) -> s.complaints().size()).reversed())
            .thenComparing(HandlerScore::handler))
        .toList();
    Map<String, Integer> ranks = new LinkedHashMap<>();
    for (int i = 0; i < eligible.size(); i++) {
      ranks.put(eligible.get(i).handler(), i + 1);
    }
    return ranks;
  }

  /** The ranked handlers become the nominations the managers review. */
  @Transactional
  public void nominate(String runId) {
    runs.nominateRanked(runId, clock.nowInBusinessZone());
    audit.recordDomainChange(runId, "award-nominated", Map.of("nominees",
        runs.nominations(runId).stream().map(n -> n.rank() + ". " + n.handler()).toList()));
  }

  public List<Nomination> nominations(String runId) {
    return runs.nominations(runId);
  }

  /** Whether {@code handler} handled complaints of the run's period (scored, eligible or not). */
  public boolean handledInPeriod(String runId, String handler) {
    return runs.hasScore(runId, handler);
  }

  public boolean nominatedForInnovation(String runId, String handler) {
    return hasNomination(runId, handler, Nomination.Kind.INNOVATION);
  }

  /** Whether {@code handler} stands nominated in this run for {@code kind}. */
  public boolean hasNomination(String runId, String handler, Nomination.Kind kind) {
    return runs.nominations(runId).stream().anyMatch(n -> n.handler().equals(handler) && n.kind() == kind
        && n.status() == Nomination.Status.NOMINATED);
  }

  /** Whether the run has {@code award} for {@code handler} in {@code status} (PROPOSED, APPROVED…). */
  public boolean hasAward(String runId, String handler, String award, String status) {
    return runs.items(runId).stream().anyMatch(i -> i.handler().equals(handler) && i.award().equals(award)
        && i.status().equals(status));
  }

  /** A manager removes a nomination; false when there was none to remove. */
  @Transactional
  public boolean removeNomination(String runId, String handler, Nomination.Kind kind, String reason, String manager) {
    boolean removed = runs.removeNomination(runId, handler, kind, reason, manager, clock.nowInBusinessZone());
    if (removed) {
      audit.recordDomainChange(runId, "award-nomination-removed", Map.of("handler", handler, "kind", kind.name(),
          "reason", reason));
    }
    return removed;
  }

  /** Whether {@code user} is among the run's nominees right now (then they may not confirm the list). */
  public boolean isNominated(String runId, String user) {
    return runs.nominations(runId).stream()
        .anyMatch(n -> n.handler().equals(user) && n.status() == Nomination.Status.NOMINATED);
  }

  /** A manager who is not a nominee confirms the nominations: the review is over. */
  @Transactional
  public void confirmNominations(String runId, String manager) {
    runs.setStatus(runId, AwardRun.Status.NOMINATIONS_CONFIRMED, clock.nowInBusinessZone());
    audit.recordDomainChange(runId, "award-nominations-confirmed", Map.of("nominees", runs.nominations(runId).stream()
        .filter(n -> n.status() == Nomination.Status.NOMINATED).map(n -> n.handler() + " (" + n.kind() + ")").toList()));
  }

  /** A manager adds an innovation nomination. */
  @Transactional
  public void addInnovationNomination(String runId, String handler, String reason, String manager) {
    runs.addInnovation(runId, handler, reason, manager, clock.nowInBusinessZone());
    audit.recordDomainChange(runId, "award-nomination-added", Map.of("handler", handler, "kind", "INNOVATION",
        "reason", reason));
  }

  /**
   * What managers read and pick from in the review form: one row per nomination with its score's
   * breakdown (a table in the form), and every scored handler as an option to remove or nominate.
   */
  public record NominationsView(List<Map<String, Object>> rows, List<Map<String, String>> handlers) {
  }

  public NominationsView nominationsView(String runId) {
    List<AwardRunRepository.StoredScore> stored = runs.scores(runId);
    Map<String, HandlerScore> scores = new LinkedHashMap<>();
    stored.forEach(s -> scores.put(s.score().handler(), s.score()));
    List<Nomination> nominations = runs.nominations(runId);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Nomination n : nominations) {
      HandlerScore s = scores.get(n.handler());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rank", n.kind() == Nomination.Kind.SCORE ? n.rank().toString() : "");
      row.put("handler", n.handler());
      row.put("nomination", n.kind() == Nomination.Kind.SCORE ? "score" : "innovation: " + n.reason());
      row.put("score", s.score().toPlainString());
      row.put("complaints", s.complaints().size());
      row.put("withinSla", s.timeliness().movePointRight(2).stripTrailingZeros().toPlainString() + " %");
      row.put("quality", s.quality().toPlainString());
      row.put("satisfaction", s.satisfaction() == null ? "none answered"
          : s.satisfaction().toPlainString() + " (" + s.answered() + " answered)");
      row.put("innovationFlags", s.innovation());
      row.put("status", n.status() == Nomination.Status.REMOVED
          ? "removed by " + n.removedBy() + ": " + n.removalReason()
          : n.kind() == Nomination.Kind.INNOVATION ? "nominated by " + n.addedBy() : "nominated");
      rows.add(row);
    }
    List<Map<String, String>> handlers = new ArrayList<>();
    for (AwardRunRepository.StoredScore s : stored) {
      String handler = s.score().handler();
      boolean nominated = nominations.stream()
          .anyMatch(n -> n.handler().equals(handler) && n.status() == Nomination.Status.NOMINATED);
      int closed = s.score().complaints().size();
      handlers.add(option(handler, handler + " — " + (s.rank() == null
          ? "not ranked: " + closed + (closed == 1 ? " closed complaint" : " closed complaints") : "rank " + s.rank())
          + (nominated ? ", nominated" : "")));
    }
    return new NominationsView(rows, handlers);
  }

  /** What the awards of a run cost against the period's budget. */
  public record Proposed(List<AwardItem> items, BigDecimal total, BigDecimal budget) {
    public boolean overBudget() {
      return total.compareTo(budget) > 0;
    }
  }

  /**
   * The AwardTier decision for every confirmed nominee, each evaluation recorded on the run's audit
   * chain with its inputs, outputs and decision version; then the cash total against the budget.
   */
  @Transactional
  public Proposed proposeAwards(String runId, DeployedDecisions.Deployed tier) {
    AwardRun run = get(runId);
    YearMonth period = YearMonth.parse(run.period());
    Map<String, HandlerScore> scores = new LinkedHashMap<>();
    runs.scores(runId).forEach(s -> scores.put(s.score().handler(), s.score()));
    List<AwardItem> items = new ArrayList<>();
    for (Nomination n : runs.nominations(runId)) {
      if (n.status() != Nomination.Status.NOMINATED) {
        continue;
      }
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put(EmployeeAwardProcess.TIER_KIND.name(), n.kind().name());
      inputs.put(EmployeeAwardProcess.TIER_RANK.name(), n.kind() == Nomination.Kind.SCORE ? n.rank() : null);
      inputs.put(EmployeeAwardProcess.TIER_SCORE.name(), scores.get(n.handler()).score().toPlainString());
      inputs.put(EmployeeAwardProcess.TIER_SERVICE_STARS.name(), runs.serviceStars(n.handler(), period.minusMonths(11).toString(),
          period.minusMonths(1).toString()));
      List<Map<String, Object>> outputs = deployedDecisions.engine().evaluateDecision(tier.decision(), inputs)
          .getResultList().stream().<Map<String, Object>>map(LinkedHashMap::new).toList();
      for (Map<String, Object> out : outputs) {
        items.add(AwardItem.proposed(n.handler(), (String) out.get("award"), (String) out.get("title"),
            new Money(new BigDecimal(out.get("cash").toString()).setScale(2), settings.currency())));
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("decision", "AwardTier");
      details.put("decisionVersion", tier.version());
      details.put("handler", n.handler());
      details.put("inputs", inputs);
      details.put("outputs", outputs);
      audit.recordDomainChange(runId, "award-tier", details);
    }
    // a handler nominated twice (ranking and innovation) gets each award once
    List<AwardItem> distinct = new ArrayList<>(items.stream().collect(Collectors.toMap(
        i -> i.handler() + "|" + i.award(), i -> i, (a, b) -> a, LinkedHashMap::new)).values());
    runs.insertItems(runId, distinct);
    BigDecimal total = distinct.stream().map(i -> i.cash().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    runs.saveTotal(runId, total, settings.budget(), AwardRun.Status.AWARDS_PROPOSED, clock.nowInBusinessZone());
    Proposed proposed = new Proposed(distinct, total, settings.budget());
    audit.recordDomainChange(runId, "award-budget-checked", Map.of("total", total.toPlainString(),
        "budget", settings.budget().toPlainString(), "currency", settings.currency(),
        "overBudget", proposed.overBudget()));
    return proposed;
  }

  public List<AwardItem> items(String runId) {
    return runs.items(runId);
  }

  /** The committee cuts a proposed award, with a reason; returns the new cash total. */
  @Transactional
  public Optional<BigDecimal> cutAward(String runId, String handler, String award, String reason, String member) {
    if (!runs.cutItem(runId, handler, award, reason, member, "PROPOSED")) {
      return Optional.empty();
    }
    BigDecimal total = runs.proposedCash(runId);
    runs.updateTotal(runId, total, clock.nowInBusinessZone());
    audit.recordDomainChange(runId, "award-cut", Map.of("handler", handler, "award", award, "reason", reason,
        "total", total.toPlainString()));
    return Optional.of(total);
  }

  /** Whether the proposed cash may be approved: within budget, or finance approved the excess. */
  public boolean withinBudgetOrExcessApproved(String runId) {
    return runs.proposedCash(runId).compareTo(settings.budget()) <= 0 || runs.excessApprovedBy(runId).isPresent();
  }

  /** Finance's decision on cash above the period's budget. */
  @Transactional
  public void decideExcess(String runId, boolean approved, String reason, String financeUser) {
    if (approved) {
      runs.approveExcess(runId, financeUser, reason, clock.nowInBusinessZone());
    }
    audit.recordDomainChange(runId, approved ? "award-excess-approved" : "award-excess-refused", Map.of(
        "total", runs.proposedCash(runId).toPlainString(), "budget", settings.budget().toPlainString(),
        "reason", reason));
  }

  /** The committee approves the list as it stands. */
  @Transactional
  public void approveAwards(String runId, String member) {
    runs.approve(runId, member, clock.nowInBusinessZone());
    audit.recordDomainChange(runId, "award-approved", Map.of("total", runs.proposedCash(runId).toPlainString(),
        "awards", runs.items(runId).stream().filter(i -> "APPROVED".equals(i.status()))
            .map(i -> i.handler() + " " + i.award()).toList()));
  }

  /**
   * What the committee (and finance, for an excess) reads and picks from: one row per award (a
   * table in the form), the handlers who still have an award to cut, and the total against the budget.
   */
  public record AwardsView(List<Map<String, Object>> rows, List<Map<String, String>> awardees, String total) {
  }

  public AwardsView awardsView(String runId) {
    List<AwardItem> items = runs.items(runId);
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (AwardItem i : items) {
      boolean cut = "CUT".equals(i.status());
      String cash = i.cash().amount().signum() > 0 ? i.cash().amount().toPlainString() + " " + i.cash().currency() : "";
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("handler", i.handler());
      row.put("award", i.title());
      row.put("cash", cash);
      row.put("status", cut ? "cut by " + i.cutBy() + ": " + i.cutReason() : i.status().toLowerCase(Locale.ROOT));
      rows.add(row);
      if (!cut) {
        kept.computeIfAbsent(i.handler(), h -> new ArrayList<>()).add(cash.isEmpty() ? i.title() : i.title() + " " + cash);
      }
    }
    List<Map<String, String>> awardees = kept.entrySet().stream()
        .map(e -> option(e.getKey(), e.getKey() + " — " + String.join(", ", e.getValue()))).toList();
    AwardRun run = get(runId);
    String total = "Total " + runs.proposedCash(runId).toPlainString() + " of a budget of "
        + run.awardBudget().toPlainString() + " " + settings.currency()
        + runs.excessApprovedBy(runId).map(by -> " (excess approved by " + by + ")").orElse("");
    return new AwardsView(rows, awardees, total);
  }

  /** An option of a form's select, as form-js reads it. */
  private static Map<String, String> option(String value, String label) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("value", value);
    option.put("label", label);
    return option;
  }

  /** An amount in the award budget's currency. */
  Money money(BigDecimal amount) {
    return amount == null ? null : new Money(amount, settings.currency());
  }

  /** Nobody reached the minimum: the run is over, published as "no awards this period". */
  @Transactional
  public void publishNoAwards(String runId) {
    AwardRun run = get(runId);
    runs.setStatus(runId, AwardRun.Status.NO_AWARDS, clock.nowInBusinessZone());
    audit.recordDomainChange(runId, "award-published", Map.of("period", run.period(), "result", "no awards: nobody "
        + "handled at least " + run.minimumComplaints() + " closed complaints"));
  }

  public Optional<AwardRun> latestPublished() {
    return runs.latestPublished();
  }

  public AwardRun get(String id) {
    return runs.find(id).orElseThrow(() -> new NotFoundException("No award run " + id));
  }

  List<AwardRunRepository.StoredScore> scores(String runId) {
    return runs.scores(runId);
  }
}
