package com.redress.notification;

import com.redress.shared.PersonalData;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** notification_outbox: written in the step's transaction, one row delivered per MessageDelivery instance. */
@Repository
class OutboxRepository {

  static final String PENDING = "PENDING";
  static final String SENT = "SENT";
  /** A message whose customer's data was erased before it was sent: it never will be. */
  static final String ERASED = "ERASED";
  /** A message whose address was removed before it was sent: it never will be. */
  static final String WITHDRAWN = "WITHDRAWN";

  /** {@code messageId}: the one its first attempt used, null before it. */
  record Queued(long id, String dedupKey, String caseKey, String kind, String recipient, String subject,
      String bodyHtml, String status, int attempts, OffsetDateTime createdAt, String messageId) {
  }

  private final JdbcClient jdbc;

  OutboxRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(String dedupKey) {
    return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE dedup_key = :key")
        .param("key", dedupKey).query(Integer.class).single() > 0;
  }

  long insert(OutgoingMessage message, String bodyHtml, OffsetDateTime now) {
    KeyHolder id = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO notification_outbox (dedup_key, complaint_reference, kind, recipient, subject, body_html,
          status, attempts, created_at)
        VALUES (:key, :reference, :kind, :recipient, :subject, :body, 'PENDING', 0, :now)
        """)
        .param("key", message.dedupKey()).param("reference", message.complaintReference())
        .param("kind", message.kind()).param("recipient", message.recipient())
        .param("subject", message.subject()).param("body", bodyHtml).param("now", now)
        .update(id, "id");
    return id.getKey().longValue();
  }

  Optional<Queued> find(long id) {
    return jdbc.sql("""
        SELECT id, dedup_key, complaint_reference, kind, recipient, subject, body_html, status, attempts, created_at,
          message_id
        FROM notification_outbox WHERE id = :id
        """)
        .param("id", id)
        .query((rs, row) -> new Queued(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
            rs.getObject(10, OffsetDateTime.class), rs.getString(11)))
        .optional();
  }

  List<NotificationService.KeptMessage> ofCases(Collection<String> caseKeys) {
    return jdbc.sql("""
        SELECT complaint_reference, kind, recipient, subject, status, created_at, sent_at, body_html
        FROM notification_outbox WHERE complaint_reference IN (:keys) ORDER BY created_at, id""")
        .param("keys", caseKeys)
        .query((rs, row) -> new NotificationService.KeptMessage(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
            rs.getString(8)))
        .list();
  }

  /** The case's messages not sent yet, oldest first. */
  List<Long> pendingOf(String caseKey) {
    return jdbc.sql("SELECT id FROM notification_outbox WHERE complaint_reference = :key AND status = 'PENDING' ORDER BY id")
        .param("key", caseKey).query(Long.class).list();
  }

  int readdressPending(Collection<String> caseKeys, String recipient) {
    return jdbc.sql("UPDATE notification_outbox SET recipient = :recipient"
            + " WHERE complaint_reference IN (:keys) AND status = 'PENDING'")
        .param("recipient", recipient).param("keys", caseKeys).update();
  }

  int withdrawPending(Collection<String> caseKeys) {
    return jdbc.sql("UPDATE notification_outbox SET status = :withdrawn"
            + " WHERE complaint_reference IN (:keys) AND status = :pending")
        .param("withdrawn", WITHDRAWN).param("pending", PENDING).param("keys", caseKeys).update();
  }

  /** The addresses messages of these kinds for these cases were sent (or are to be sent) to. */
  List<String> recipients(Collection<String> caseKeys, Collection<String> kinds) {
    return jdbc.sql("SELECT DISTINCT recipient FROM notification_outbox WHERE complaint_reference IN (:keys)"
            + " AND kind IN (:kinds)")
        .param("keys", caseKeys).param("kinds", kinds).query(String.class).list();
  }

  Optional<String> caseOfMessage(Collection<String> messageIds, Collection<String> kinds) {
    return jdbc.sql("SELECT DISTINCT complaint_reference FROM notification_outbox WHERE message_id IN (:ids)"
            + " AND kind IN (:kinds)")
        .param("ids", messageIds).param("kinds", kinds).query(String.class).list().stream().findFirst();
  }

  /**
   * Erases {@code data} from the cases' messages: the bodies (rendered from the case, they quote
   * the customer), the address where it is theirs, failure texts. Returns how many messages.
   */
  int erase(Collection<String> caseKeys, PersonalData data) {
    record Kept(long id, String recipient, String subject, String lastError) {
    }
    List<Kept> kept = jdbc.sql("SELECT id, recipient, subject, last_error FROM notification_outbox"
            + " WHERE complaint_reference IN (:keys)")
        .param("keys", caseKeys)
        .query((rs, row) -> new Kept(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
    for (Kept message : kept) {
      jdbc.sql("""
          UPDATE notification_outbox SET recipient = :recipient, subject = :subject, body_html = :erased,
            last_error = :error, status = CASE WHEN status = :pending THEN :erasedStatus ELSE status END
          WHERE id = :id""")
          .param("recipient", data.foundIn(message.recipient()) ? PersonalData.ERASED : message.recipient())
          .param("subject", data.erasedFrom(message.subject())).param("erased", PersonalData.ERASED)
          .param("error", data.erasedFrom(message.lastError()))
          .param("pending", PENDING).param("erasedStatus", ERASED)
          .param("id", message.id()).update();
    }
    return kept.size();
  }

  /**
   * False when its customer's data was erased while it was being sent (the erasure's update is
   * waited for, then wins). One withdrawn meanwhile (its address removed) did go: it is sent.
   */
  boolean markSent(long id, String messageId, OffsetDateTime now) {
    return jdbc.sql("""
        UPDATE notification_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = :now, message_id = :messageId,
          last_error = NULL WHERE id = :id AND status IN ('PENDING', 'WITHDRAWN')""")
        .param("now", now).param("messageId", messageId).param("id", id).update() == 1;
  }

  void recordFailure(long id, String messageId, String error) {
    jdbc.sql("UPDATE notification_outbox SET attempts = attempts + 1, message_id = :messageId, last_error = :error"
            + " WHERE id = :id")
        .param("messageId", messageId).param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
        .param("id", id).update();
  }
}
