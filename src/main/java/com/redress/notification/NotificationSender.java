package com.redress.notification;

import com.redress.shared.AppClock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a complaint's pending messages over SMTP. Each success is recorded at once in its own
 * transaction, so a later failure in the same job does not send it twice on retry. A failure
 * is recorded and rethrown: the engine retries the job and finally raises an incident.
 */
@Service
class NotificationSender {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

  private final OutboxRepository outbox;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final TransactionTemplate ownTransaction;
  private final AppClock clock;
  private final String from;

  NotificationSender(OutboxRepository outbox, ObjectProvider<JavaMailSender> mailSender,
      PlatformTransactionManager transactions, AppClock clock,
      @Value("${redress.mail.from:Redress <no-reply@redress.example>}") String from) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.from = from;
  }

  void sendPending(String complaintReference) {
    JavaMailSender sender = mailSender.getIfAvailable();
    for (OutboxRepository.Pending message : outbox.pendingFor(complaintReference)) {
      if (sender == null) {
        LOG.info("SMTP is not configured: notification {} for {} ('{}') stays in the outbox",
            message.id(), complaintReference, message.subject());
        continue;
      }
      try {
        sender.send(mime(sender, message));
      } catch (MailException | MessagingException e) {
        ownTransaction.executeWithoutResult(tx -> outbox.recordFailure(message.id(), e.toString()));
        throw new IllegalStateException("Sending notification " + message.id() + " failed: " + e.getMessage(), e);
      }
      ownTransaction.executeWithoutResult(tx -> outbox.markSent(message.id(), clock.nowInBusinessZone()));
    }
  }

  private MimeMessage mime(JavaMailSender sender, OutboxRepository.Pending message) throws MessagingException {
    MimeMessage mime = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(message.recipient());
    helper.setSubject(message.subject());
    helper.setText(message.bodyHtml(), true);
    return mime;
  }
}
