package com.redress.mailintake;

import com.redress.complaint.AttachmentNames;
import com.redress.shared.PersonalData;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The files attached to the intake's mails ({@code mail_attachment}), outside the process
 * variables: their content only where their type is one of
 * {@code redress.intake.mail.attachment-types}, their names always.
 */
@Repository
class MailAttachments implements AttachmentNames {

  /** Why a file's content was not kept. */
  static final String REFUSED_TYPE = "TYPE";

  /** A file as staff and the customer see it listed; {@code refused} when its content was not kept. */
  record Listed(long id, String fileName, String contentType, long size, String refused) {
  }

  record File(String fileName, String contentType, byte[] content) {
  }

  private final JdbcClient jdbc;
  private final Set<String> allowedTypes;

  MailAttachments(JdbcClient jdbc, @Value("${redress.intake.mail.attachment-types}") List<String> allowedTypes) {
    this.jdbc = jdbc;
    this.allowedTypes = allowedTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  void store(IncomingMail mail, String complaint) {
    for (IncomingMail.Attachment file : mail.attachments()) {
      boolean kept = allowedTypes.contains(file.contentType());
      jdbc.sql("""
          INSERT INTO mail_attachment (mail_key, complaint_reference, file_name, content_type, size_bytes, content, refused)
          VALUES (:mail, :complaint, :name, :type, :size, :content, :refused)""")
          .param("mail", mail.key()).param("complaint", complaint).param("name", cut(file.fileName(), 255))
          .param("type", cut(file.contentType(), 100)).param("size", file.content().length)
          .param("content", kept ? file.content() : null).param("refused", kept ? null : REFUSED_TYPE)
          .update();
    }
  }

  List<Listed> of(String complaint) {
    return jdbc.sql("""
        SELECT id, file_name, content_type, size_bytes, refused FROM mail_attachment
        WHERE complaint_reference = :complaint ORDER BY id""")
        .param("complaint", complaint)
        .query((rs, row) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
        .list();
  }

  /** A kept file of this complaint. */
  Optional<File> file(String complaint, long id) {
    return jdbc.sql("""
        SELECT file_name, content_type, content FROM mail_attachment
        WHERE id = :id AND complaint_reference = :complaint AND content IS NOT NULL""")
        .param("id", id).param("complaint", complaint)
        .query((rs, row) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
  }

  @Override
  public List<String> namesOf(String complaint) {
    return of(complaint).stream().map(Listed::fileName).toList();
  }

  /** Erases the files of these mails: content and name. */
  int erase(Collection<String> mailKeys) {
    return mailKeys.isEmpty() ? 0 : jdbc.sql("""
        UPDATE mail_attachment SET content = NULL, file_name = :erased WHERE mail_key IN (:mails)""")
        .param("erased", PersonalData.ERASED).param("mails", mailKeys).update();
  }

  private static String cut(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
