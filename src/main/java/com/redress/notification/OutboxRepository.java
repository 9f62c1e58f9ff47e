package com.redress.notification;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** notification_outbox: written in the step's transaction, drained by the send step. */
@Repository
class OutboxRepository {

  record Pending(long id, String recipient, String subject, String bodyHtml) {
  }

  private final JdbcClient jdbc;

  OutboxRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(String dedupKey) {
    return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE dedup_key = :key")
        .param("key", dedupKey).query(Integer.class).single() > 0;
  }

  void insert(OutgoingMessage message, String bodyHtml, OffsetDateTime now) {
    jdbc.sql("""
        INSERT INTO notification_outbox (dedup_key, complaint_reference, kind, recipient, subject, body_html,
          status, attempts, created_at)
        VALUES (:key, :reference, :kind, :recipient, :subject, :body, 'PENDING', 0, :now)
        """)
        .param("key", message.dedupKey()).param("reference", message.complaintReference())
        .param("kind", message.kind()).param("recipient", message.recipient())
        .param("subject", message.subject()).param("body", bodyHtml).param("now", now)
        .update();
  }

  List<Pending> pendingFor(String complaintReference) {
    return jdbc.sql("""
        SELECT id, recipient, subject, body_html FROM notification_outbox
        WHERE complaint_reference = :reference AND status = 'PENDING' ORDER BY id
        """)
        .param("reference", complaintReference)
        .query((rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  void markSent(long id, OffsetDateTime now) {
    jdbc.sql("UPDATE notification_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL WHERE id = :id")
        .param("now", now).param("id", id).update();
  }

  void recordFailure(long id, String error) {
    jdbc.sql("UPDATE notification_outbox SET attempts = attempts + 1, last_error = :error WHERE id = :id")
        .param("error", error.length() > 1000 ? error.substring(0, 1000) : error).param("id", id).update();
  }
}
