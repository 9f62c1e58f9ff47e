package com.redress.award;

import com.redress.shared.ConcurrentModifications;
import com.redress.shared.Csv;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.Money;
import com.redress.shared.Months;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/award-runs}: request a period's run (award committee), read a run with every score (staff). */
@RestController
@RequestMapping("/api/award-runs")
class AwardController {

  private final AwardService awards;
  private final AwardPublication publication;

  AwardController(AwardService awards, AwardPublication publication) {
    this.awards = awards;
    this.publication = publication;
  }

  record ObjectionRequest(String reason) {
  }

  record ObjectionFiled(long id, String run) {
  }

  /** Any member of staff, while the objection window is open. */
  @PostMapping(path = "/{id}/objections", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ObjectionFiled> object(@PathVariable String id, @RequestBody ObjectionRequest body,
      Authentication user) {
    long objection = ConcurrentModifications.retry(
        () -> publication.object(id, user.getName(), body == null ? null : body.reason()));
    return ResponseEntity.status(201).body(new ObjectionFiled(objection, id));
  }

  /** The final payout list for payroll. */
  @GetMapping(path = "/{id}/payout.csv", produces = "text/csv")
  ResponseEntity<String> payout(@PathVariable String id) {
    return Csv.download(id + "-payout.csv", publication.payoutCsv(id));
  }

  record RunRequest(String period) {
  }

  record RunView(String id, String period, AwardRun.Status status, String startedBy, OffsetDateTime startedAt,
      Progress progress, Integer complaintsCounted, String weights, Integer minimumComplaints, Integer innovationCap,
      OffsetDateTime scoredAt, List<ScoreView> scores, List<Nomination> nominations, List<AwardItem> awards,
      Money awardsTotal, Money awardBudget, OffsetDateTime publishedAt, OffsetDateTime objectionDue,
      List<Objection> objections, OffsetDateTime finalAt) {
  }

  record Progress(Integer handlersScored, Integer handlersTotal) {
  }

  /** A handler's score with everything needed to recompute it. */
  record ScoreView(String handler, boolean eligible, Integer rank, BigDecimal score, int complaints, int withinSla,
      BigDecimal timeliness, BigDecimal quality, int answered, BigDecimal satisfaction, int innovation,
      List<HandlerScore.Counted> counted) {
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RunView> request(@RequestBody RunRequest body, Authentication user) {
    YearMonth period = Months.parse(body == null ? null : body.period());
    if (period == null) {
      throw new InvalidRequestException("period", "must be a month like 2026-10");
    }
    AwardRun run = awards.request(period, user.getName());
    return ResponseEntity.created(URI.create("/api/award-runs/" + run.id())).body(view(run));
  }

  @GetMapping("/{id}")
  RunView get(@PathVariable String id) {
    return view(awards.get(id));
  }

  private RunView view(AwardRun run) {
    List<ScoreView> scores = awards.scores(run.id()).stream().map(stored -> {
      HandlerScore s = stored.score();
      return new ScoreView(s.handler(), stored.eligible(), stored.rank(), s.score(), s.complaints().size(),
          s.withinSla(), s.timeliness(), s.quality(), s.answered(), s.satisfaction(), s.innovation(), s.complaints());
    }).toList();
    return new RunView(run.id(), run.period(), run.status(), run.startedBy(), run.startedAt(),
        new Progress(run.handlersScored(), run.handlersTotal()), run.complaintsCounted(), run.weights(),
        run.minimumComplaints(), run.innovationCap(), run.scoredAt(), scores, awards.nominations(run.id()),
        awards.items(run.id()), awards.money(run.awardsTotal()), awards.money(run.awardBudget()), run.publishedAt(),
        run.objectionDue(), publication.objections(run.id()), run.finalAt());
  }
}
