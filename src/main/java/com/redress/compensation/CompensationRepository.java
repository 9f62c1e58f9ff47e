package com.redress.compensation;

import com.redress.complaint.CompensationType;
import com.redress.shared.PersonalData;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** compensation, compensation_decision and compensation_issue; every write joins the caller's transaction. */
@Repository
class CompensationRepository {

  private final JdbcClient jdbc;

  CompensationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The handlers' and approvers' reasons keep what they said, minus the customer's data. */
  void eraseFromReasons(Collection<String> references, PersonalData data) {
    jdbc.sql("SELECT id, reason FROM compensation WHERE complaint_reference IN (:references)")
        .param("references", references).query().listOfRows().stream()
        .filter(row -> data.foundIn((String) row.get("reason")))
        .forEach(row -> jdbc.sql("UPDATE compensation SET reason = :reason WHERE id = :id")
            .param("reason", data.erasedFrom((String) row.get("reason"))).param("id", row.get("id")).update());
    jdbc.sql("""
        SELECT d.compensation_id, d.step, d.reason FROM compensation_decision d
        JOIN compensation c ON c.id = d.compensation_id WHERE c.complaint_reference IN (:references)""")
        .param("references", references).query().listOfRows().stream()
        .filter(row -> data.foundIn((String) row.get("reason")))
        .forEach(row -> jdbc.sql("UPDATE compensation_decision SET reason = :reason WHERE compensation_id = :id"
                + " AND step = :step")
            .param("reason", data.erasedFrom((String) row.get("reason"))).param("id", row.get("compensation_id"))
            .param("step", row.get("step")).update());
  }

  /** False when the proposal exists already (a retried step). */
  boolean insert(Compensation c) {
    return jdbc.sql("""
        INSERT INTO compensation (id, complaint_reference, round, compensation_type, amount, currency, reason,
          proposed_by, proposed_at, team, budget_month, current_amount, status, updated_at)
        SELECT :id, :reference, :round, :type, :amount, :currency, :reason, :proposedBy, :proposedAt, :team,
          :month, :amount, :status, :proposedAt FROM complaint
        WHERE reference = :reference AND NOT EXISTS (SELECT 1 FROM compensation WHERE id = :id)""")
        .param("id", c.id()).param("reference", c.complaintReference()).param("round", c.round())
        .param("type", c.type().name()).param("amount", c.amount()).param("currency", c.currency())
        .param("reason", c.reason()).param("proposedBy", c.proposedBy()).param("proposedAt", c.proposedAt())
        .param("team", c.team()).param("month", c.budgetMonth()).param("status", c.status().name())
        .update() == 1;
  }

  void savePolicy(String id, int band, String bandName, BigDecimal min, BigDecimal max, List<String> approvers,
      BigDecimal reserved, boolean overBudget, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE compensation SET band = :band, band_name = :bandName, recommended_min = :min, recommended_max = :max,
          approver_groups = :approvers, reserved_amount = :reserved, over_budget = :overBudget, updated_at = :now
        WHERE id = :id""")
        .param("band", band).param("bandName", bandName).param("min", min).param("max", max)
        .param("approvers", String.join(",", approvers)).param("reserved", reserved).param("overBudget", overBudget)
        .param("now", now).param("id", id).update();
  }

  void saveDecision(String id, Compensation.Decision d, BigDecimal currentAmount, BigDecimal reserved,
      Compensation.Status status) {
    jdbc.sql("""
        INSERT INTO compensation_decision (compensation_id, step, approver_group, decided_by, decision, amount_before,
          amount_after, reason, decided_at)
        VALUES (:id, :step, :group, :by, :decision, :before, :after, :reason, :at)""")
        .param("id", id).param("step", d.step()).param("group", d.approverGroup()).param("by", d.decidedBy())
        .param("decision", d.verdict().name()).param("before", d.amountBefore()).param("after", d.amountAfter())
        .param("reason", d.reason()).param("at", d.decidedAt()).update();
    jdbc.sql("""
        UPDATE compensation SET current_amount = :current, reserved_amount = :reserved, status = :status,
          decided_at = CASE WHEN :status = 'AWAITING_APPROVAL' THEN decided_at ELSE :at END, updated_at = :at
        WHERE id = :id""")
        .param("current", currentAmount).param("reserved", reserved).param("status", status.name())
        .param("at", d.decidedAt()).param("id", id).update();
  }

  void updateStatus(String id, Compensation.Status status, BigDecimal reserved, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE compensation SET status = :status, reserved_amount = :reserved, updated_at = :now,
          decided_at = COALESCE(decided_at, :now)
        WHERE id = :id""")
        .param("status", status.name()).param("reserved", reserved).param("now", now).param("id", id).update();
  }

  void insertIssue(String id, Compensation.Issue issue) {
    jdbc.sql("""
        INSERT INTO compensation_issue (compensation_id, kind, code, amount, currency, issued_at)
        VALUES (:id, :kind, :code, :amount, :currency, :at)""")
        .param("id", id).param("kind", issue.kind()).param("code", issue.code()).param("amount", issue.amount())
        .param("currency", issue.currency()).param("at", issue.issuedAt()).update();
  }

  Optional<Compensation.Issue> issue(String id) {
    return jdbc.sql("SELECT * FROM compensation_issue WHERE compensation_id = :id").param("id", id)
        .query((rs, row) -> new Compensation.Issue(rs.getString("kind"), rs.getString("code"),
            rs.getBigDecimal("amount"), rs.getString("currency").strip(),
            rs.getObject("issued_at", OffsetDateTime.class)))
        .optional();
  }

  /** The row locked for the rest of the transaction: decisions on one proposal queue up. */
  Optional<Compensation> lock(String id) {
    return jdbc.sql("SELECT * FROM compensation WHERE id = :id FOR UPDATE").param("id", id)
        .query(CompensationRepository::map).optional();
  }

  Optional<Compensation> find(String id) {
    return jdbc.sql("SELECT * FROM compensation WHERE id = :id").param("id", id)
        .query(CompensationRepository::map).optional();
  }

  Optional<Compensation> latestOf(String reference) {
    return jdbc.sql("SELECT * FROM compensation WHERE complaint_reference = :reference ORDER BY round DESC")
        .param("reference", reference).query(CompensationRepository::map).list().stream().findFirst();
  }

  List<Compensation> allOf(String reference) {
    return jdbc.sql("SELECT * FROM compensation WHERE complaint_reference = :reference ORDER BY round")
        .param("reference", reference).query(CompensationRepository::map).list();
  }

  List<Compensation.Decision> decisions(String id) {
    return jdbc.sql("SELECT * FROM compensation_decision WHERE compensation_id = :id ORDER BY step").param("id", id)
        .query((rs, row) -> new Compensation.Decision(rs.getInt("step"), rs.getString("approver_group"),
            rs.getString("decided_by"), Compensation.Verdict.valueOf(rs.getString("decision")),
            rs.getBigDecimal("amount_before"), rs.getBigDecimal("amount_after"), rs.getString("reason"),
            rs.getObject("decided_at", OffsetDateTime.class)))
        .list();
  }

  /**
   * Granted or still being approved for this customer since the given time, besides proposal
   * {@code except}: splitting a compensation over several complaints does not lower its band.
   */
  BigDecimal grantedToCustomerSince(String customerId, OffsetDateTime since, String except) {
    return jdbc.sql("""
        SELECT COALESCE(SUM(c.current_amount), 0) FROM compensation c JOIN complaint p ON p.reference = c.complaint_reference
        WHERE p.customer_id = :customer AND c.id <> :except
          AND c.status IN ('AWAITING_APPROVAL', 'APPROVED', 'ISSUED') AND c.proposed_at >= :since""")
        .param("customer", customerId).param("except", except).param("since", since).query(BigDecimal.class).single();
  }

  /** Keeps the sum the policy saw the first time (a retried registration reads it back). */
  BigDecimal recordGrantedLast90Days(String id, BigDecimal granted) {
    jdbc.sql("UPDATE compensation SET granted_last_90_days = :granted WHERE id = :id AND granted_last_90_days IS NULL")
        .param("granted", granted).param("id", id).update();
    return jdbc.sql("SELECT granted_last_90_days FROM compensation WHERE id = :id").param("id", id)
        .query(BigDecimal.class).single();
  }

  private static Compensation map(ResultSet rs, int row) throws SQLException {
    String approvers = rs.getString("approver_groups");
    return new Compensation(rs.getString("id"), rs.getString("complaint_reference"), rs.getInt("round"),
        CompensationType.valueOf(rs.getString("compensation_type")), rs.getBigDecimal("amount"),
        rs.getString("currency").strip(), rs.getString("reason"), rs.getString("proposed_by"),
        rs.getObject("proposed_at", OffsetDateTime.class), rs.getString("team"), rs.getString("budget_month").strip(),
        rs.getObject("band", Integer.class), rs.getString("band_name"), rs.getBigDecimal("recommended_min"),
        rs.getBigDecimal("recommended_max"),
        approvers == null || approvers.isEmpty() ? List.of() : Arrays.asList(approvers.split(",")),
        rs.getBigDecimal("reserved_amount"), rs.getBoolean("over_budget"), rs.getBigDecimal("current_amount"),
        Compensation.Status.valueOf(rs.getString("status")), rs.getObject("decided_at", OffsetDateTime.class));
  }
}
