package com.redress.mailintake;

import com.redress.mailintake.IncomingMail.Reason;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code incoming_mail} rows: each mail once, and what it became. */
@Repository
class IncomingMails {

  static final String COMPLAINT = "COMPLAINT";
  static final String NEEDS_ATTENTION = "NEEDS_ATTENTION";
  /** A customer's reply, threaded into its complaint's conversation. */
  static final String REPLY = "REPLY";
  /** Claimed by a transaction still deciding; never seen once it commits. */
  private static final String TAKING = "TAKING";

  /** A mail that needs an intake agent, as their list shows it; {@code complaint} where it answers one. */
  record Attention(String key, OffsetDateTime receivedAt, String sender, String senderName, String subject,
      String body, long size, Reason reason, String detail, String complaint) {
  }

  /** A reply in a complaint's conversation. */
  record Reply(OffsetDateTime receivedAt, String sender, String senderName, String text) {
  }

  private final JdbcClient jdbc;

  IncomingMails(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean known(String key) {
    return jdbc.sql("SELECT COUNT(*) FROM incoming_mail WHERE mail_key = :key").param("key", key)
        .query(Long.class).single() > 0;
  }

  /**
   * Writes the mail's primary-key row first in the taking transaction: a twin reading the same
   * mail on another node waits on it, then fails on the key instead of taking the mail again.
   */
  void claim(IncomingMail mail, OffsetDateTime now) {
    jdbc.sql("""
        INSERT INTO incoming_mail (mail_key, message_id, received_at, sender, sender_name, subject, size_bytes, outcome)
        VALUES (:key, :messageId, :now, :sender, :senderName, :subject, :size, :outcome)
        """)
        .param("key", mail.key()).param("messageId", cut(mail.messageId(), 998)).param("now", now)
        .param("sender", cut(mail.sender(), 320)).param("senderName", cut(mail.senderName(), 200))
        .param("subject", cut(mail.subject(), 1000)).param("size", mail.size()).param("outcome", TAKING)
        .update();
  }

  void becameComplaint(String key, String reference) {
    jdbc.sql("UPDATE incoming_mail SET outcome = :outcome, complaint_reference = :reference WHERE mail_key = :key")
        .param("outcome", COMPLAINT).param("reference", reference).param("key", key).update();
  }

  void becameReply(IncomingMail mail, String reference) {
    jdbc.sql("""
        UPDATE incoming_mail SET outcome = :outcome, complaint_reference = :reference, body = :body
        WHERE mail_key = :key""")
        .param("outcome", REPLY).param("reference", reference).param("body", cut(mail.text(), 20_000))
        .param("key", mail.key()).update();
  }

  /** {@code complaint}: the complaint it answers, where there is one. */
  void needsAttention(IncomingMail mail, Reason reason, String detail, String complaint) {
    jdbc.sql("""
        UPDATE incoming_mail SET outcome = :outcome, reason = :reason, detail = :detail, body = :body,
          complaint_reference = :complaint
        WHERE mail_key = :key""")
        .param("outcome", NEEDS_ATTENTION).param("reason", reason.name()).param("detail", cut(detail, 2000))
        .param("body", cut(mail.text(), 20_000)).param("complaint", complaint).param("key", mail.key()).update();
  }

  /** The customer's replies to this complaint, oldest first. */
  List<Reply> replies(String reference) {
    return jdbc.sql("""
        SELECT received_at, sender, sender_name, body FROM incoming_mail
        WHERE complaint_reference = :reference AND outcome = :outcome ORDER BY received_at, mail_key""")
        .param("reference", reference).param("outcome", REPLY)
        .query((rs, row) -> new Reply(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
            rs.getString(4)))
        .list();
  }

  /** The mails no agent has settled yet, oldest first. */
  List<Attention> waiting(int limit) {
    return jdbc.sql("""
        SELECT mail_key, received_at, sender, sender_name, subject, body, size_bytes, reason, detail, complaint_reference
        FROM incoming_mail
        WHERE outcome = :outcome AND settled_at IS NULL ORDER BY received_at, mail_key LIMIT :limit""")
        .param("outcome", NEEDS_ATTENTION).param("limit", limit)
        .query((rs, row) -> new Attention(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), Reason.valueOf(rs.getString(8)),
            rs.getString(9), rs.getString(10)))
        .list();
  }

  /** Settles a waiting mail; false when there is none by this key, or another agent settled it first. */
  boolean settle(String key, String by, String note, OffsetDateTime now) {
    return jdbc.sql("""
        UPDATE incoming_mail SET settled_by = :by, settled_at = :now, settled_note = :note
        WHERE mail_key = :key AND outcome = :outcome AND settled_at IS NULL""")
        .param("by", by).param("now", now).param("note", cut(note, 2000)).param("key", key)
        .param("outcome", NEEDS_ATTENTION).update() == 1;
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
