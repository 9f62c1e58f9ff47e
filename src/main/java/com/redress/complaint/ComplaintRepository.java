package com.redress.complaint;

import com.redress.language.Language;
import com.redress.shared.Money;
import com.redress.shared.PersonalData;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The complaint table; every write joins the caller's (engine's) transaction. */
@Repository
class ComplaintRepository {

  private final JdbcClient jdbc;

  ComplaintRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String reference, NewComplaint c, OffsetDateTime receivedAt) {
    jdbc.sql("""
        INSERT INTO complaint (reference, status, customer_id, customer_name, customer_email, customer_phone,
          customer_tier, channel, category, subject, description, order_reference, order_amount, order_currency,
          occurred_at, received_at, recorded_by, language, updated_at)
        VALUES (:reference, :status, :customerId, :customerName, :customerEmail, :customerPhone,
          :tier, :channel, :category, :subject, :description, :orderReference, :orderAmount, :orderCurrency,
          :occurredAt, :receivedAt, :recordedBy, :language, :receivedAt)
        """)
        .param("reference", reference)
        .param("status", ComplaintStatus.RECEIVED.name())
        .param("customerId", c.customer().id())
        .param("customerName", c.customer().name())
        .param("customerEmail", c.customer().email())
        .param("customerPhone", c.customer().phone())
        .param("tier", c.customer().tier().name())
        .param("channel", c.channel().name())
        .param("category", c.category().name())
        .param("subject", c.subject())
        .param("description", c.description())
        .param("orderReference", c.orderReference())
        .param("orderAmount", c.orderAmount() == null ? null : c.orderAmount().amount())
        .param("orderCurrency", c.orderAmount() == null ? null : c.orderAmount().currency())
        .param("occurredAt", c.occurredAt())
        .param("receivedAt", receivedAt)
        .param("recordedBy", c.recordedBy())
        .param("language", c.language().tag())
        .update();
  }

  Optional<Complaint> find(String reference) {
    return jdbc.sql("SELECT * FROM complaint WHERE reference = :reference")
        .param("reference", reference)
        .query(ComplaintRepository::map)
        .optional();
  }

  /** The earliest other open complaint of this customer about this order, if any. */
  Optional<String> findOpenOriginal(String reference, String customerId, String orderReference) {
    return jdbc.sql("""
        SELECT reference FROM complaint
        WHERE customer_id = :customerId AND order_reference = :orderReference AND reference <> :reference
          AND status IN (:open)
        ORDER BY received_at, reference
        """)
        .param("customerId", customerId)
        .param("orderReference", orderReference)
        .param("reference", reference)
        .param("open", ComplaintStatus.OPEN.stream().map(Enum::name).toList())
        .query(String.class)
        .list().stream().findFirst();
  }

  int countByCustomerSince(String customerId, OffsetDateTime since, String excludedReference) {
    return jdbc.sql("""
        SELECT COUNT(*) FROM complaint
        WHERE customer_id = :customerId AND received_at >= :since AND reference <> :excluded AND status <> 'DUPLICATE'
        """)
        .param("customerId", customerId)
        .param("since", since)
        .param("excluded", excludedReference)
        .query(Integer.class)
        .single();
  }

  /** Keeps the count the rules saw the first time (a retried registration reads it back). */
  int recordComplaintsLast90Days(String reference, int count) {
    jdbc.sql("UPDATE complaint SET complaints_last_90_days = :count WHERE reference = :reference"
        + " AND complaints_last_90_days IS NULL").param("count", count).param("reference", reference).update();
    return jdbc.sql("SELECT complaints_last_90_days FROM complaint WHERE reference = :reference")
        .param("reference", reference).query(Integer.class).single();
  }

  void markDuplicate(String reference, String original, OffsetDateTime now) {
    jdbc.sql("UPDATE complaint SET status = 'DUPLICATE', duplicate_of = :original, updated_at = :now WHERE reference = :reference")
        .param("original", original).param("now", now).param("reference", reference)
        .update();
  }

  void updateStatus(String reference, ComplaintStatus status, OffsetDateTime now) {
    jdbc.sql("UPDATE complaint SET status = :status, updated_at = :now WHERE reference = :reference")
        .param("status", status.name()).param("now", now).param("reference", reference)
        .update();
  }

  void saveClassification(String reference, Complaint.Classification c, ComplaintStatus status, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE complaint SET severity = :severity, handler_group = :group, classified_by = :by,
          first_response_sla_hours = :frHours, resolution_sla_hours = :rHours,
          first_response_due = :frDue, resolution_due = :rDue, sla_warning_at = :warnAt, status = :status,
          updated_at = :now
        WHERE reference = :reference
        """)
        .param("severity", c.severity().name()).param("group", c.handlerGroup()).param("by", c.classifiedBy())
        .param("frHours", c.firstResponseSlaHours()).param("rHours", c.resolutionSlaHours())
        .param("frDue", c.firstResponseDue()).param("rDue", c.resolutionDue()).param("warnAt", c.slaWarningAt())
        .param("status", status.name()).param("now", now).param("reference", reference)
        .update();
  }

  /** Records the first human action once; later ones leave it as it is. */
  void recordFirstResponse(String reference, OffsetDateTime at, String user) {
    jdbc.sql("""
        UPDATE complaint SET first_response_at = :at, first_response_by = :user, updated_at = :at
        WHERE reference = :reference AND first_response_at IS NULL""")
        .param("at", at).param("user", user).param("reference", reference).update();
  }

  void recordSlaWarning(String reference, OffsetDateTime at) {
    jdbc.sql("UPDATE complaint SET sla_warned_at = :at, updated_at = :at WHERE reference = :reference")
        .param("at", at).param("reference", reference).update();
  }

  void recordSlaBreach(String reference, OffsetDateTime at) {
    jdbc.sql("""
        UPDATE complaint SET sla_breached_at = :at, status = 'ESCALATED', updated_at = :at WHERE reference = :reference""")
        .param("at", at).param("reference", reference).update();
  }

  void saveOutcome(String reference, Complaint.Outcome o, ComplaintStatus status) {
    jdbc.sql("""
        UPDATE complaint SET root_cause = :rootCause, resolution = :resolution,
          service_failure_acknowledged = :ack, resolved_by = :by, resolved_at = :at, status = :status, updated_at = :at,
          compensation_type = :compType, compensation_amount = :compAmount, compensation_currency = :compCurrency,
          compensation_reason = :compReason
        WHERE reference = :reference
        """)
        .param("compType", o.proposedCompensation() == null ? null : o.proposedCompensation().type().name())
        .param("compAmount", o.proposedCompensation() == null ? null : o.proposedCompensation().amount().amount())
        .param("compCurrency", o.proposedCompensation() == null ? null : o.proposedCompensation().amount().currency())
        .param("compReason", o.proposedCompensation() == null ? null : o.proposedCompensation().reason())
        .param("rootCause", o.rootCause().name()).param("resolution", o.resolution())
        .param("ack", o.serviceFailureAcknowledged()).param("by", o.resolvedBy()).param("at", o.resolvedAt())
        .param("status", status.name()).param("reference", reference)
        .update();
  }

  /** The row locked until the transaction ends: survey answers and the survey's timeout queue up behind each other. */
  Optional<ComplaintStatus> lockStatus(String reference) {
    return jdbc.sql("SELECT status FROM complaint WHERE reference = :reference FOR UPDATE")
        .param("reference", reference).query(String.class).optional().map(ComplaintStatus::valueOf);
  }

  /** Handling again: a fresh resolution SLA counted from now. */
  void reopen(String reference, OffsetDateTime resolutionDue, OffsetDateTime slaWarningAt, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE complaint SET status = 'REOPENED', reopen_count = reopen_count + 1, resolution_due = :due,
          sla_warning_at = :warnAt, updated_at = :now
        WHERE reference = :reference""")
        .param("due", resolutionDue).param("warnAt", slaWarningAt).param("now", now).param("reference", reference)
        .update();
  }

  /** The handler asked the customer: the complaint waits for the answer from {@code now}. */
  void awaitCustomer(String reference, String question, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE complaint SET status = 'WAITING_FOR_CUSTOMER', customer_question = :question, waiting_since = :now,
          updated_at = :now
        WHERE reference = :reference""")
        .param("question", question).param("now", now).param("reference", reference).update();
  }

  /** The answer came: handling again, with the due times moved by the time it waited. */
  void resumeHandling(String reference, ComplaintStatus status, Duration waited, OffsetDateTime resolutionDue,
      OffsetDateTime slaWarningAt, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE complaint SET status = :status, waiting_since = NULL,
          waiting_business_secs = waiting_business_secs + :waited, resolution_due = :due, sla_warning_at = :warnAt,
          updated_at = :now
        WHERE reference = :reference""")
        .param("status", status.name()).param("waited", waited.toSeconds()).param("due", resolutionDue)
        .param("warnAt", slaWarningAt).param("now", now).param("reference", reference).update();
  }

  /** No answer in time: it goes on to review and closing, unresolved for want of a reply. */
  void markNoReply(String reference, Duration waited, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE complaint SET status = 'RESOLVED', unresolved = TRUE, no_reply_at = :now,
          waiting_since = NULL, waiting_business_secs = waiting_business_secs + :waited, updated_at = :now
        WHERE reference = :reference""")
        .param("waited", waited.toSeconds()).param("now", now).param("reference", reference).update();
  }

  void markUnresolved(String reference, OffsetDateTime now) {
    jdbc.sql("UPDATE complaint SET unresolved = TRUE, status = 'RESOLVED', updated_at = :now WHERE reference = :reference")
        .param("now", now).param("reference", reference).update();
  }

  void saveQualityReview(String reference, Complaint.QualityReview r) {
    jdbc.sql("""
        UPDATE complaint SET quality_score = :score, innovative = :innovative, innovation_reason = :reason,
          review_comment = :comment, reviewed_by = :by, reviewed_at = :at, updated_at = :at
        WHERE reference = :reference""")
        .param("score", r.score()).param("innovative", r.innovative()).param("reason", r.innovationReason())
        .param("comment", r.comment()).param("by", r.reviewedBy()).param("at", r.reviewedAt())
        .param("reference", reference).update();
  }

  void close(String reference, OffsetDateTime now) {
    jdbc.sql("UPDATE complaint SET status = 'CLOSED', closed_at = :now, updated_at = :now WHERE reference = :reference")
        .param("now", now).param("reference", reference).update();
  }

  List<Complaint> ofCustomer(String customerId) {
    return jdbc.sql("SELECT * FROM complaint WHERE customer_id = :customerId ORDER BY received_at, reference")
        .param("customerId", customerId).query(ComplaintRepository::map).list();
  }

  List<Complaint> keptOfCustomer(String customerId) {
    return jdbc.sql("SELECT * FROM complaint WHERE customer_id = :customerId AND personal_data_erased_at IS NULL"
            + " ORDER BY received_at, reference")
        .param("customerId", customerId).query(ComplaintRepository::map).list();
  }

  List<String> customersWithEmail(String email) {
    return jdbc.sql("SELECT DISTINCT customer_id FROM complaint WHERE LOWER(customer_email) = :email ORDER BY customer_id")
        .param("email", email.strip().toLowerCase(Locale.ROOT)).query(String.class).list();
  }

  void correctContact(String customerId, CustomerRecords.ContactCorrection c, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE complaint SET customer_name = COALESCE(:name, customer_name),
          customer_email = NULLIF(COALESCE(:email, customer_email), ''),
          customer_phone = NULLIF(COALESCE(:phone, customer_phone), ''),
          updated_at = :now
        WHERE customer_id = :customerId AND personal_data_erased_at IS NULL""")
        .param("name", c.name()).param("email", c.email()).param("phone", c.phone()).param("now", now)
        .param("customerId", customerId).update();
  }

  /**
   * Marks the complaint's personal data as erased at {@code now}, locking its row: false when it was
   * already (another node's retention, an earlier request), so that each is erased once.
   */
  boolean claimForErasure(String reference, OffsetDateTime now) {
    return jdbc.sql("UPDATE complaint SET personal_data_erased_at = :now, updated_at = :now"
            + " WHERE reference = :reference AND personal_data_erased_at IS NULL")
        .param("now", now).param("reference", reference).update() == 1;
  }

  /**
   * The customer's data and own words go; what the complaint was (category, amounts, times, who
   * handled it, its figures) stays. The staff's texts keep what they said minus the customer's data.
   */
  void erasePersonalData(String reference, PersonalData data) {
    Map<String, Object> texts = jdbc.sql(
            "SELECT resolution, compensation_reason, review_comment, innovation_reason, customer_question FROM complaint"
                + " WHERE reference = :reference")
        .param("reference", reference).query().singleRow();
    jdbc.sql("""
        UPDATE complaint SET customer_name = :erased, customer_email = NULL, customer_phone = NULL,
          subject = :erased, description = :erased, order_reference = NULL, resolution = :resolution,
          compensation_reason = :compensationReason, review_comment = :reviewComment,
          innovation_reason = :innovationReason, customer_question = :question
        WHERE reference = :reference""")
        .param("erased", PersonalData.ERASED)
        .param("question", data.erasedFrom((String) texts.get("customer_question")))
        .param("resolution", data.erasedFrom((String) texts.get("resolution")))
        .param("compensationReason", data.erasedFrom((String) texts.get("compensation_reason")))
        .param("reviewComment", data.erasedFrom((String) texts.get("review_comment")))
        .param("innovationReason", data.erasedFrom((String) texts.get("innovation_reason")))
        .param("reference", reference).update();
  }

  /**
   * Closed (or duplicate) complaints that ended before {@code cutoff} and still keep their
   * customer's data, in reference order after {@code after}, at most {@code limit}.
   */
  List<String> keptPast(OffsetDateTime cutoff, String after, int limit) {
    return jdbc.sql("""
        SELECT reference FROM complaint WHERE personal_data_erased_at IS NULL AND reference > :after AND (
          status = 'CLOSED' AND closed_at < :cutoff OR status = 'DUPLICATE' AND updated_at < :cutoff)
        ORDER BY reference LIMIT :limit""")
        .param("cutoff", cutoff).param("after", after).param("limit", limit).query(String.class).list();
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single();
  }

  List<Complaint> search(ComplaintFilter filter, long offset, int limit) {
    return where(filter, "SELECT * FROM complaint", " ORDER BY received_at DESC, reference DESC LIMIT :limit OFFSET :offset")
        .param("limit", limit).param("offset", offset)
        .query(ComplaintRepository::map).list();
  }

  long countMatching(ComplaintFilter filter) {
    return where(filter, "SELECT COUNT(*) FROM complaint", "").query(Long.class).single();
  }

  /** Whether {@code reader} may read the complaint: the list's conditions, on one row. */
  boolean readable(String reference, ComplaintAccess reader) {
    return countMatching(new ComplaintFilter(null, null, null, null, null, null, null, List.of(reference), reader)) > 0;
  }

  /** {@code head WHERE <the filter's conditions> tail}, with the conditions' parameters bound. */
  private JdbcClient.StatementSpec where(ComplaintFilter f, String head, String tail) {
    Map<String, Object> params = new LinkedHashMap<>();
    List<String> conditions = new ArrayList<>();
    condition(conditions, params, "status = :status", "status", f.status() == null ? null : f.status().name());
    condition(conditions, params, "severity = :severity", "severity", f.severity() == null ? null : f.severity().name());
    condition(conditions, params, "category = :category", "category", f.category() == null ? null : f.category().name());
    condition(conditions, params, "handler_group = :team", "team", f.team());
    condition(conditions, params, "received_at >= :receivedFrom", "receivedFrom", f.receivedFrom());
    condition(conditions, params, "received_at < :receivedBefore", "receivedBefore", f.receivedBefore());
    condition(conditions, params, "(LOWER(customer_id) LIKE :customer OR LOWER(customer_name) LIKE :customer)",
        "customer", f.customer() == null ? null : "%" + f.customer().toLowerCase(Locale.ROOT) + "%");
    if (f.references() != null) {
      // an empty list matches nothing
      conditions.add(f.references().isEmpty() ? "1 = 0" : "reference IN (:references)");
      if (!f.references().isEmpty()) {
        params.put("references", f.references());
      }
    }
    if (f.access() == null) {
      throw new IllegalArgumentException("A search of complaints names its reader (ComplaintFilter.readableBy)");
    }
    if (!f.access().everything()) {
      conditions.add(readableCondition(f.access(), params));
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return jdbc.sql(head + where + tail).params(params);
  }

  /** What a reader who may not read everything may read, as one condition (docs/security.md §3). */
  private static String readableCondition(ComplaintAccess reader, Map<String, Object> params) {
    List<String> any = new ArrayList<>();
    if (!reader.teams().isEmpty()) {
      any.add("handler_group IN (:readerTeams)");
      params.put("readerTeams", reader.teams());
    }
    condition(any, params, "(resolved_by = :handledBy OR EXISTS (SELECT 1 FROM complaint_handler h"
        + " WHERE h.complaint_reference = complaint.reference AND h.user_id = :handledBy))", "handledBy",
        reader.handledBy());
    condition(any, params, "recorded_by = :recordedBy", "recordedBy", reader.recordedBy());
    condition(any, params, "(status = 'TRIAGE' OR classified_by = :dispatcher)", "dispatcher", reader.dispatcher());
    if (reader.reviewer() != null) {
      any.add("(status IN (:beforeReview) OR reviewed_by = :reviewer)");
      params.put("beforeReview", ComplaintAccess.BEFORE_REVIEW.stream().map(Enum::name).toList());
      params.put("reviewer", reader.reviewer());
    }
    if (reader.compensated()) {
      any.add("(compensation_type IS NOT NULL AND compensation_type <> 'NONE')");
    }
    // a reader of nothing (analysts, the award committee) finds nothing
    return any.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", any) + ")";
  }

  private static void condition(List<String> conditions, Map<String, Object> params, String sql, String name,
      Object value) {
    if (value != null) {
      conditions.add(sql);
      params.put(name, value);
    }
  }

  private static Complaint.CompensationProposal proposal(ResultSet rs) throws SQLException {
    String type = rs.getString("compensation_type");
    if (type == null) {
      return null;
    }
    return new Complaint.CompensationProposal(CompensationType.valueOf(type),
        new Money(rs.getBigDecimal("compensation_amount"), rs.getString("compensation_currency").strip()),
        rs.getString("compensation_reason"));
  }

  private static Complaint map(ResultSet rs, int row) throws SQLException {
    BigDecimal amount = rs.getBigDecimal("order_amount");
    String severity = rs.getString("severity");
    String rootCause = rs.getString("root_cause");
    return new Complaint(
        rs.getString("reference"),
        ComplaintStatus.valueOf(rs.getString("status")),
        new NewComplaint.Customer(rs.getString("customer_id"), rs.getString("customer_name"),
            rs.getString("customer_email"), rs.getString("customer_phone"),
            CustomerTier.valueOf(rs.getString("customer_tier"))),
        Channel.valueOf(rs.getString("channel")),
        Category.valueOf(rs.getString("category")),
        rs.getString("subject"),
        rs.getString("description"),
        rs.getString("order_reference"),
        amount == null ? null : new Money(amount, rs.getString("order_currency").strip()),
        rs.getObject("occurred_at", OffsetDateTime.class),
        rs.getObject("received_at", OffsetDateTime.class),
        rs.getString("recorded_by"),
        Language.ofTag(rs.getString("language")),
        rs.getString("duplicate_of"),
        severity == null ? null : new Complaint.Classification(Severity.valueOf(severity), rs.getString("handler_group"),
            rs.getString("classified_by"), rs.getInt("first_response_sla_hours"), rs.getInt("resolution_sla_hours"),
            rs.getObject("first_response_due", OffsetDateTime.class), rs.getObject("resolution_due", OffsetDateTime.class),
            rs.getObject("sla_warning_at", OffsetDateTime.class)),
        new Complaint.Sla(rs.getObject("first_response_at", OffsetDateTime.class), rs.getString("first_response_by"),
            rs.getObject("sla_warned_at", OffsetDateTime.class), rs.getObject("sla_breached_at", OffsetDateTime.class)),
        rootCause == null ? null : new Complaint.Outcome(RootCause.valueOf(rootCause), rs.getString("resolution"),
            rs.getBoolean("service_failure_acknowledged"), rs.getString("resolved_by"),
            rs.getObject("resolved_at", OffsetDateTime.class), proposal(rs)),
        new Complaint.Lifecycle(rs.getInt("reopen_count"), rs.getBoolean("unresolved"),
            rs.getObject("no_reply_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class)),
        new Complaint.Waiting(rs.getString("customer_question"), rs.getObject("waiting_since", OffsetDateTime.class),
            Duration.ofSeconds(rs.getLong("waiting_business_secs"))),
        qualityReview(rs));
  }

  private static Complaint.QualityReview qualityReview(ResultSet rs) throws SQLException {
    int score = rs.getInt("quality_score");
    if (rs.wasNull()) {
      return null;
    }
    return new Complaint.QualityReview(score, rs.getBoolean("innovative"), rs.getString("innovation_reason"),
        rs.getString("review_comment"), rs.getString("reviewed_by"), rs.getObject("reviewed_at", OffsetDateTime.class));
  }
}
