package com.redress.notification;

import com.redress.audit.AuditTrail;
import com.redress.shared.AppClock;
import com.redress.shared.PersonalData;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * Delivers one queued message over SMTP, in the MessageDelivery step's transaction: marked sent,
 * with its "message-sent" audit event, when the step commits. A failure is counted in a
 * transaction of its own and rethrown: the engine retries the step and finally raises an incident.
 * Every attempt carries the same Message-ID, so a copy sent again (the SMTP server accepted it,
 * then the commit failed) is recognisable as the same message.
 */
@Service
class NotificationSender {

  static final String AUDIT_TYPE = "message-sent";
  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AtomicBoolean smtpMissingTold = new AtomicBoolean();

  private final OutboxRepository outbox;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final TransactionTemplate ownTransaction;
  private final AppClock clock;
  private final AuditTrail audit;
  private final String from;
  private final String messageIdDomain;
  private final ObjectProvider<ReplyAddress> replyAddress;

  NotificationSender(OutboxRepository outbox, ObjectProvider<JavaMailSender> mailSender,
      PlatformTransactionManager transactions, AppClock clock, AuditTrail audit, ObjectProvider<ReplyAddress> replyAddress,
      @Value("${redress.mail.from:Redress <no-reply@redress.example>}") String from) throws AddressException {
    this.replyAddress = replyAddress;
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.audit = audit;
    this.from = from;
    String address = new InternetAddress(from).getAddress();
    this.messageIdDomain = address.substring(address.indexOf('@') + 1);
  }

  void deliver(long id) {
    OutboxRepository.Queued message = outbox.find(id)
        .orElseThrow(() -> new IllegalStateException("No queued message " + id));
    if (!OutboxRepository.PENDING.equals(message.status())) {
      return; // sent already, or its customer's data was erased before it went
    }
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      // said once at INFO: a demo without a mail server queues a message for every step of every case
      if (smtpMissingTold.compareAndSet(false, true)) {
        LOG.info("SMTP is not configured (spring.mail.host): messages stay in the outbox, the first being {} for {}",
            id, message.caseKey());
      } else {
        LOG.debug("SMTP is not configured: message {} for {} ('{}') stays in the outbox", id, message.caseKey(),
            message.subject());
      }
      return;
    }
    // random beyond the message's number: replies are threaded by the Message-ID they answer, so
    // nobody may guess one (an attempt after a failed one sends the same)
    String messageId = message.messageId() != null ? message.messageId()
        : "<redress." + id + "." + HexFormat.of().formatHex(randomBytes()) + "@" + messageIdDomain + ">";
    try {
      sender.send(mime(sender, message, messageId));
    } catch (MailException | MessagingException e) {
      // the mail server's answer may quote the address: it is kept out of the outbox's error, the
      // job's exception and the incident (their texts are stored; the cause's would be too)
      String failure = PersonalData.quoted(List.of(message.recipient())).erasedFrom(e.toString());
      ownTransaction.executeWithoutResult(tx -> outbox.recordFailure(id, messageId, failure));
      throw new IllegalStateException("Sending message " + id + " for " + message.caseKey() + " failed: " + failure);
    }
    if (!outbox.markSent(id, messageId, clock.nowInBusinessZone())) {
      // erased while on its way: the copy sent stays out of the case's story, as its address does
      LOG.info("Message {} for {} was sent while its customer's data was being erased", id, message.caseKey());
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", message.kind());
    // sealed under the case's key: erasure destroys it, the event and its hash stay (docs/adr/0017)
    details.put("recipient", audit.sealed(message.caseKey(), message.recipient()));
    details.put("subject", message.subject());
    details.put("messageId", messageId);
    details.put("queuedAt", message.createdAt().toString());
    details.put("attempt", message.attempts() + 1);
    audit.recordDomainChange(message.caseKey(), AUDIT_TYPE, details);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private MimeMessage mime(JavaMailSender sender, OutboxRepository.Queued message, String messageId)
      throws MessagingException {
    MimeMessage mime = new StableIdMessage(sender.createMimeMessage().getSession(), messageId);
    MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(message.recipient());
    Optional<String> replyTo = replyAddress.stream().findFirst().flatMap(a -> a.of(message.caseKey(), message.kind()));
    if (replyTo.isPresent()) {
      helper.setReplyTo(replyTo.get());
    }
    // mail that answers mail: an auto-responder reading it must not answer it in turn (RFC 3834)
    mime.setHeader("Auto-Submitted", "auto-replied");
    helper.setSubject(message.subject());
    helper.setText(message.bodyHtml(), true);
    return mime;
  }

  /** Keeps its Message-ID: Jakarta Mail would otherwise make a new one each time the message is saved. */
  private static final class StableIdMessage extends MimeMessage {

    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
