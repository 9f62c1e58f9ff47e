package com.redress.award;

import com.redress.shared.Database;
import com.redress.shared.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** award_run, award_score and award_score_complaint. */
@Repository
class AwardRunRepository {

  /** A handler's score row with its rank (null when not eligible). */
  record StoredScore(HandlerScore score, boolean eligible, Integer rank) {
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  /** Two nodes may open the same period at once: on PostgreSQL the second then inserts nothing. */
  private final String insertSql;

  AwardRunRepository(JdbcClient jdbc, JdbcTemplate batch, Database database) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.insertSql = database.isPostgres()
        ? """
          INSERT INTO award_run (id, period, status, process_instance_id, started_by, started_at, updated_at)
          VALUES (:id, :period, 'SCORING', :instance, :by, :now, :now) ON CONFLICT DO NOTHING"""
        : """
          INSERT INTO award_run (id, period, status, process_instance_id, started_by, started_at, updated_at)
          SELECT :id, :period, 'SCORING', :instance, :by, :now, :now
          WHERE NOT EXISTS (SELECT 1 FROM award_run WHERE period = :period)""";
  }

  /** False when the period has a run already (its unique key decides, also between nodes). */
  boolean insert(String id, String period, String startedBy, String processInstanceId, OffsetDateTime now) {
    try {
      return insertRow(id, period, startedBy, processInstanceId, now);
    } catch (DuplicateKeyException openedConcurrently) {
      return false; // H2 only: another transaction inserted the period between the check and the insert
    }
  }

  private boolean insertRow(String id, String period, String startedBy, String processInstanceId, OffsetDateTime now) {
    return jdbc.sql(insertSql)
        .param("id", id).param("period", period).param("instance", processInstanceId).param("by", startedBy)
        .param("now", now).update() == 1;
  }

  void attachProcess(String id, String processInstanceId) {
    jdbc.sql("UPDATE award_run SET process_instance_id = :instance WHERE id = :id")
        .param("instance", processInstanceId).param("id", id).update();
  }

  /** Handler, complaint and the complaint's figures of every complaint closed in [from, to). */
  List<Map.Entry<String, HandlerScore.Counted>> closedBetween(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.sql("""
        SELECT h.user_id, k.complaint_reference, k.resolution_sla_met, k.quality_score, k.csat, k.innovative
        FROM complaint_kpi k JOIN complaint_handler h ON h.complaint_reference = k.complaint_reference
        WHERE k.closed_at >= :from AND k.closed_at < :to
        ORDER BY h.user_id, k.complaint_reference""")
        .param("from", from).param("to", to)
        .query((rs, row) -> Map.entry(rs.getString("user_id"), counted(rs)))
        .list();
  }

  void saveScores(String runId, List<HandlerScore> scores, Map<String, Integer> ranks) {
    batch.batchUpdate("""
        INSERT INTO award_score (run_id, handler, eligible, award_rank, complaints, within_sla, timeliness, quality,
          answered, satisfaction, innovation, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        scores.stream().map(s -> new Object[] {runId, s.handler(), ranks.containsKey(s.handler()),
            ranks.get(s.handler()), s.complaints().size(), s.withinSla(), s.timeliness(), s.quality(), s.answered(),
            s.satisfaction(), s.innovation(), s.score()}).toList());
    List<Object[]> counted = new ArrayList<>();
    for (HandlerScore s : scores) {
      for (HandlerScore.Counted c : s.complaints()) {
        counted.add(new Object[] {runId, s.handler(), c.reference(), c.resolutionSlaMet(), c.qualityScore(), c.csat(),
            c.innovative()});
      }
    }
    batch.batchUpdate("""
        INSERT INTO award_score_complaint (run_id, handler, complaint_reference, resolution_sla_met, quality_score,
          csat, innovative) VALUES (?, ?, ?, ?, ?, ?, ?)""", counted);
  }

  void progress(String id, int scored, int total, OffsetDateTime now) {
    jdbc.sql("UPDATE award_run SET handlers_scored = :scored, handlers_total = :total, updated_at = :now WHERE id = :id")
        .param("scored", scored).param("total", total).param("now", now).param("id", id).update();
  }

  void finishScoring(String id, AwardRun.Status status, int handlers, int complaints, String weights, int minimum,
      int cap, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE award_run SET status = :status, handlers_total = :handlers, handlers_scored = :handlers,
          complaints_counted = :complaints, weights = :weights, minimum_complaints = :minimum, innovation_cap = :cap,
          scored_at = :now, updated_at = :now
        WHERE id = :id""")
        .param("status", status.name()).param("handlers", handlers).param("complaints", complaints)
        .param("weights", weights).param("minimum", minimum).param("cap", cap).param("now", now).param("id", id)
        .update();
  }

  void nominateRanked(String runId, OffsetDateTime now) {
    jdbc.sql("""
        INSERT INTO award_nomination (run_id, handler, kind, award_rank, status, added_at)
        SELECT run_id, handler, 'SCORE', award_rank, 'NOMINATED', :now FROM award_score
        WHERE run_id = :id AND eligible = TRUE
          AND NOT EXISTS (SELECT 1 FROM award_nomination n WHERE n.run_id = :id AND n.kind = 'SCORE')""")
        .param("id", runId).param("now", now).update();
  }

  List<Nomination> nominations(String runId) {
    return jdbc.sql("""
        SELECT * FROM award_nomination WHERE run_id = :id
        ORDER BY CASE WHEN award_rank IS NULL THEN 1 ELSE 0 END, award_rank, handler, kind""")
        .param("id", runId)
        .query((rs, row) -> new Nomination(rs.getString("handler"), Nomination.Kind.valueOf(rs.getString("kind")),
            rs.getObject("award_rank", Integer.class), Nomination.Status.valueOf(rs.getString("status")),
            rs.getString("reason"), rs.getString("added_by"), rs.getObject("added_at", OffsetDateTime.class),
            rs.getString("removal_reason"), rs.getString("removed_by"), rs.getObject("removed_at", OffsetDateTime.class)))
        .list();
  }

  /** False when {@code handler} has no such nomination in the run. */
  boolean removeNomination(String runId, String handler, Nomination.Kind kind, String reason, String by,
      OffsetDateTime now) {
    return jdbc.sql("""
        UPDATE award_nomination SET status = 'REMOVED', removal_reason = :reason, removed_by = :by, removed_at = :now
        WHERE run_id = :id AND handler = :handler AND kind = :kind AND status = 'NOMINATED'""")
        .param("reason", reason).param("by", by).param("now", now).param("id", runId).param("handler", handler)
        .param("kind", kind.name()).update() > 0;
  }

  /** Adds an innovation nomination, or renews one removed before. */
  void addInnovation(String runId, String handler, String reason, String by, OffsetDateTime now) {
    int renewed = jdbc.sql("""
        UPDATE award_nomination SET status = 'NOMINATED', reason = :reason, added_by = :by, added_at = :now,
          removal_reason = NULL, removed_by = NULL, removed_at = NULL
        WHERE run_id = :id AND handler = :handler AND kind = 'INNOVATION'""")
        .param("id", runId).param("handler", handler).param("reason", reason).param("by", by).param("now", now)
        .update();
    if (renewed > 0) {
      return;
    }
    jdbc.sql("""
        INSERT INTO award_nomination (run_id, handler, kind, status, reason, added_by, added_at)
        VALUES (:id, :handler, 'INNOVATION', 'NOMINATED', :reason, :by, :now)""")
        .param("id", runId).param("handler", handler).param("reason", reason).param("by", by).param("now", now)
        .update();
  }

  boolean hasScore(String runId, String handler) {
    return jdbc.sql("SELECT COUNT(*) FROM award_score WHERE run_id = :id AND handler = :handler")
        .param("id", runId).param("handler", handler).query(Integer.class).single() > 0;
  }

  void insertItems(String runId, List<AwardItem> items) {
    batch.batchUpdate("""
        INSERT INTO award_item (run_id, handler, award, title, cash, currency, status) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        items.stream().map(i -> new Object[] {runId, i.handler(), i.award(), i.title(), i.cash().amount(),
            i.cash().currency(), i.status()}).toList());
  }

  List<AwardItem> items(String runId) {
    return jdbc.sql("SELECT * FROM award_item WHERE run_id = :id ORDER BY handler, award").param("id", runId)
        .query((rs, row) -> new AwardItem(rs.getString("handler"), rs.getString("award"), rs.getString("title"),
            new Money(rs.getBigDecimal("cash"), rs.getString("currency").strip()), rs.getString("status"),
            rs.getString("cut_reason"), rs.getString("cut_by")))
        .list();
  }

  /** Service Star titles {@code handler} received in the runs of the periods from {@code first} to {@code last}. */
  int serviceStars(String handler, String first, String last) {
    return jdbc.sql("""
        SELECT COUNT(*) FROM award_item i JOIN award_run r ON r.id = i.run_id
        WHERE i.handler = :handler AND i.award = 'SERVICE_STAR' AND r.period BETWEEN :first AND :last""")
        .param("handler", handler).param("first", first).param("last", last).query(Integer.class).single();
  }

  void saveTotal(String runId, BigDecimal total, BigDecimal budget, AwardRun.Status status, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE award_run SET awards_total = :total, award_budget = :budget, status = :status, updated_at = :now
        WHERE id = :id""")
        .param("total", total).param("budget", budget).param("status", status.name()).param("now", now)
        .param("id", runId).update();
  }

  /** False when there is no such item in {@code from} status (PROPOSED before approval, APPROVED after). */
  boolean cutItem(String runId, String handler, String award, String reason, String by, String from) {
    return jdbc.sql("""
        UPDATE award_item SET status = 'CUT', cut_reason = :reason, cut_by = :by
        WHERE run_id = :id AND handler = :handler AND award = :award AND status = :from""")
        .param("from", from)
        .param("reason", reason).param("by", by).param("id", runId).param("handler", handler).param("award", award)
        .update() > 0;
  }

  BigDecimal proposedCash(String runId) {
    return jdbc.sql("SELECT COALESCE(SUM(cash), 0) FROM award_item WHERE run_id = :id AND status = 'PROPOSED'")
        .param("id", runId).query(BigDecimal.class).single();
  }

  void updateTotal(String runId, BigDecimal total, OffsetDateTime now) {
    jdbc.sql("UPDATE award_run SET awards_total = :total, updated_at = :now WHERE id = :id")
        .param("total", total).param("now", now).param("id", runId).update();
  }

  void approveExcess(String runId, String by, String reason, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE award_run SET excess_approved_by = :by, excess_reason = :reason, updated_at = :now WHERE id = :id""")
        .param("by", by).param("reason", reason).param("now", now).param("id", runId).update();
  }

  Optional<String> excessApprovedBy(String runId) {
    return jdbc.sql("SELECT excess_approved_by FROM award_run WHERE id = :id").param("id", runId)
        .query(String.class).optional().filter(by -> by != null);
  }

  void approve(String runId, String by, OffsetDateTime now) {
    jdbc.sql("UPDATE award_item SET status = 'APPROVED' WHERE run_id = :id AND status = 'PROPOSED'")
        .param("id", runId).update();
    jdbc.sql("""
        UPDATE award_run SET status = 'AWARDS_APPROVED', approved_by = :by, approved_at = :now, updated_at = :now
        WHERE id = :id""")
        .param("by", by).param("now", now).param("id", runId).update();
  }

  BigDecimal approvedCash(String runId) {
    return jdbc.sql("SELECT COALESCE(SUM(cash), 0) FROM award_item WHERE run_id = :id AND status = 'APPROVED'")
        .param("id", runId).query(BigDecimal.class).single();
  }

  void publish(String runId, OffsetDateTime now, OffsetDateTime objectionDue) {
    jdbc.sql("""
        UPDATE award_run SET status = 'PUBLISHED', published_at = :now, objection_due = :due, updated_at = :now
        WHERE id = :id""")
        .param("now", now).param("due", objectionDue).param("id", runId).update();
  }

  void finish(String runId, OffsetDateTime now) {
    jdbc.sql("UPDATE award_run SET status = 'FINAL', final_at = :now, updated_at = :now WHERE id = :id")
        .param("now", now).param("id", runId).update();
  }

  long insertObjection(String runId, String user, String reason, OffsetDateTime now) {
    jdbc.sql("""
        INSERT INTO award_objection (run_id, filed_by, reason, filed_at) VALUES (:id, :user, :reason, :now)""")
        .param("id", runId).param("user", user).param("reason", reason).param("now", now).update();
    return jdbc.sql("SELECT MAX(id) FROM award_objection WHERE run_id = :id AND filed_by = :user")
        .param("id", runId).param("user", user).query(Long.class).single();
  }

  void decideObjection(long id, String decision, String by, String reason, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE award_objection SET decision = :decision, decided_by = :by, decision_reason = :reason, decided_at = :now
        WHERE id = :objection""")
        .param("decision", decision).param("by", by).param("reason", reason).param("now", now).param("objection", id)
        .update();
  }

  List<Objection> objections(String runId) {
    return jdbc.sql("SELECT * FROM award_objection WHERE run_id = :id ORDER BY id").param("id", runId)
        .query((rs, row) -> new Objection(rs.getLong("id"), rs.getString("filed_by"), rs.getString("reason"),
            rs.getObject("filed_at", OffsetDateTime.class), rs.getString("decision"), rs.getString("decided_by"),
            rs.getString("decision_reason"), rs.getObject("decided_at", OffsetDateTime.class)))
        .list();
  }

  /** The run's row locked: objections and the window's end queue up behind each other. */
  Optional<String> lockStatus(String runId) {
    return jdbc.sql("SELECT status FROM award_run WHERE id = :id FOR UPDATE").param("id", runId)
        .query(String.class).optional();
  }

  void setStatus(String id, AwardRun.Status status, OffsetDateTime now) {
    jdbc.sql("UPDATE award_run SET status = :status, updated_at = :now WHERE id = :id")
        .param("status", status.name()).param("now", now).param("id", id).update();
  }

  /** The newest run whose results are published (open to objections, or final). */
  Optional<AwardRun> latestPublished() {
    return jdbc.sql("SELECT * FROM award_run WHERE status IN ('PUBLISHED', 'FINAL') ORDER BY period DESC LIMIT 1")
        .query(AwardRunRepository::map).optional();
  }

  Optional<AwardRun> find(String id) {
    return jdbc.sql("SELECT * FROM award_run WHERE id = :id").param("id", id).query(AwardRunRepository::map).optional();
  }

  List<StoredScore> scores(String runId) {
    Map<String, List<HandlerScore.Counted>> counted = new LinkedHashMap<>();
    jdbc.sql("SELECT * FROM award_score_complaint WHERE run_id = :id ORDER BY handler, complaint_reference")
        .param("id", runId)
        .query((rs, row) -> Map.entry(rs.getString("handler"), counted(rs)))
        .list().forEach(e -> counted.computeIfAbsent(e.getKey(), h -> new ArrayList<>()).add(e.getValue()));
    return jdbc.sql("""
        SELECT * FROM award_score WHERE run_id = :id
        ORDER BY CASE WHEN award_rank IS NULL THEN 1 ELSE 0 END, award_rank, handler""")
        .param("id", runId)
        .query((rs, row) -> new StoredScore(new HandlerScore(rs.getString("handler"),
            counted.getOrDefault(rs.getString("handler"), List.of()), rs.getInt("within_sla"),
            rs.getBigDecimal("timeliness"), rs.getBigDecimal("quality"), rs.getInt("answered"),
            rs.getBigDecimal("satisfaction"), rs.getInt("innovation"), rs.getBigDecimal("score")),
            rs.getBoolean("eligible"), rs.getObject("award_rank", Integer.class)))
        .list();
  }

  private static HandlerScore.Counted counted(ResultSet rs) throws SQLException {
    return new HandlerScore.Counted(rs.getString("complaint_reference"), rs.getBoolean("resolution_sla_met"),
        rs.getInt("quality_score"), rs.getObject("csat", Integer.class), rs.getBoolean("innovative"));
  }

  private static AwardRun map(ResultSet rs, int row) throws SQLException {
    return new AwardRun(rs.getString("id"), rs.getString("period").strip(),
        AwardRun.Status.valueOf(rs.getString("status")), rs.getString("started_by"),
        rs.getObject("started_at", OffsetDateTime.class), rs.getObject("handlers_total", Integer.class),
        rs.getObject("handlers_scored", Integer.class), rs.getObject("complaints_counted", Integer.class),
        rs.getString("weights"), rs.getObject("minimum_complaints", Integer.class),
        rs.getObject("innovation_cap", Integer.class), rs.getObject("scored_at", OffsetDateTime.class),
        rs.getBigDecimal("awards_total"), rs.getBigDecimal("award_budget"),
        rs.getObject("published_at", OffsetDateTime.class), rs.getObject("objection_due", OffsetDateTime.class),
        rs.getObject("final_at", OffsetDateTime.class));
  }
}
