package com.redress.mailintake;

import com.redress.shared.PersonalData;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's mails to the intake mailbox as their personal data (docs/adr/0017, 0019): what an
 * export shows, and what erasure and retention erase. A mail belongs to the customer by its
 * complaint, or by its sender's address when it became none.
 */
@Component
public class CustomerMails {

  /** One mail as the export shows it: what it became, and its words while they are kept. */
  public record KeptMail(String complaint, OffsetDateTime receivedAt, String sender, String subject, String text,
      String outcome, String reason) {
  }

  /** What erasure leaves of a mail: what it became, not who wrote what. */
  private static final String ERASE = """
        UPDATE incoming_mail SET sender = NULL, sender_name = NULL, subject = :erased,
          body = CASE WHEN body IS NULL THEN NULL ELSE :erased END,
          detail = CASE WHEN detail IS NULL THEN NULL ELSE :erased END
        """;

  private final JdbcClient jdbc;
  private final MailAttachments attachments;

  CustomerMails(JdbcClient jdbc, MailAttachments attachments) {
    this.jdbc = jdbc;
    this.attachments = attachments;
  }

  public List<KeptMail> of(Collection<String> complaints, Collection<String> addresses) {
    return jdbc.sql("""
        SELECT complaint_reference, received_at, sender, subject, body, outcome, reason FROM incoming_mail
        WHERE complaint_reference IN (:complaints) OR LOWER(sender) IN (:addresses) ORDER BY received_at, mail_key""")
        .param("complaints", orNone(complaints)).param("addresses", lowerCased(addresses))
        .query((rs, row) -> new KeptMail(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
        .list();
  }

  /**
   * Erases sender, subject and text of these complaints' mails and of those from these addresses that
   * became no complaint (another complaint's replies from the same address stay with it); returns
   * how many. What each became stays.
   */
  public int erase(Collection<String> complaints, Collection<String> addresses) {
    attachments.erase(jdbc.sql("""
        SELECT mail_key FROM incoming_mail
        WHERE complaint_reference IN (:complaints) OR complaint_reference IS NULL AND LOWER(sender) IN (:addresses)""")
        .param("complaints", orNone(complaints)).param("addresses", lowerCased(addresses)).query(String.class).list());
    return jdbc.sql(ERASE + """
        WHERE (complaint_reference IN (:complaints) OR complaint_reference IS NULL AND LOWER(sender) IN (:addresses))
          AND (sender IS NOT NULL OR subject <> :erased)""")
        .param("erased", PersonalData.ERASED).param("complaints", orNone(complaints))
        .param("addresses", lowerCased(addresses)).update();
  }

  /**
   * Retention of mails that became no complaint: those an agent settled before {@code cutoff} (a
   * complaint's own mails go with its erasure).
   */
  public int eraseSettledBefore(OffsetDateTime cutoff) {
    attachments.erase(jdbc.sql("""
        SELECT mail_key FROM incoming_mail WHERE complaint_reference IS NULL AND settled_at < :cutoff""")
        .param("cutoff", cutoff).query(String.class).list());
    return jdbc.sql(ERASE + """
        WHERE complaint_reference IS NULL AND settled_at < :cutoff
          AND (sender IS NOT NULL OR subject IS NULL OR subject <> :erased)""")
        .param("erased", PersonalData.ERASED).param("cutoff", cutoff).update();
  }

  /** IN () is no SQL: an empty list matches nothing through a value no row has. */
  private static List<String> orNone(Collection<String> values) {
    List<String> kept = values.stream().filter(Objects::nonNull).toList();
    return kept.isEmpty() ? List.of("") : kept;
  }

  private static List<String> lowerCased(Collection<String> addresses) {
    return orNone(addresses.stream().filter(Objects::nonNull).map(a -> a.strip().toLowerCase(Locale.ROOT)).toList());
  }
}
