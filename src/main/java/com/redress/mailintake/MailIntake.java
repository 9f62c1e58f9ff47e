package com.redress.mailintake;

import com.redress.audit.AuditTrail;
import com.redress.complaint.Category;
import com.redress.complaint.Channel;
import com.redress.complaint.Complaint;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintIntake;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.ComplaintSubmission;
import com.redress.complaint.CustomerAnswers;
import com.redress.complaint.CustomerMessages;
import com.redress.complaint.CustomerRecords;
import com.redress.complaint.CustomerTier;
import com.redress.complaint.NewComplaint;
import com.redress.language.Language;
import com.redress.mailintake.IncomingMail.Reason;
import com.redress.notification.NotificationService;
import com.redress.shared.AppClock;
import com.redress.shared.FieldProblem;
import com.redress.shared.Hashing;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.TooManyRequestsException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a mail read from the intake mailbox, once: a customer's reply, threaded into its
 * complaint's conversation; else a complaint with channel EMAIL, through the same validation,
 * limits, classification and acknowledgement as the web form's; or, when it is neither (an
 * auto-reply, a bounce, an empty or oversized mail, one the validation refuses, a reply to a closed
 * case), a mail waiting for an intake agent ({@code /intake/mail}), never dropped.
 */
@Service
class MailIntake {

  /** The audit chain of the intake mailbox: mails that needed an agent, and what the agents did. */
  static final String CHAIN = "MAIL-INTAKE";
  /** Subjects are short; a longer one is cut (the text keeps everything). */
  private static final int MAX_SUBJECT = 200;
  private static final int DERIVED_SUBJECT = 80;
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private static final Pattern REFERENCE = Pattern.compile("CMP-\\d{4}-\\d{6,}");
  /** Message-IDs before they had a random part: anyone could guess one, so they thread only the customer's mail. */
  private static final Pattern GUESSABLE_MESSAGE_ID = Pattern.compile("<redress\\.\\d+@[^>]*>");
  private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);

  enum Outcome {
    COMPLAINT, REPLY, NEEDS_ATTENTION, ALREADY_TAKEN
  }

  /** How a reply found its complaint. */
  enum ThreadedBy {
    /** In-Reply-To or References name a mail Redress sent the customer. */
    ANSWERED_MAIL,
    /** Sent to the complaint's reply address. */
    REPLY_ADDRESS,
    /** The complaint's reference in the subject, from the complaint's own customer. */
    SUBJECT_REFERENCE
  }

  private record Threaded(String reference, ThreadedBy by) {
  }

  record Taken(Outcome outcome, String reference, Reason reason) {
  }

  private final IncomingMails mails;
  private final MailAttachments attachments;
  private final ComplaintIntake intake;
  private final CustomerAnswers answers;
  private final CustomerRecords customers;
  private final ComplaintService complaints;
  private final NotificationService notifications;
  private final ReplyAddresses replyAddresses;
  private final RuntimeService runtime;
  private final AuditTrail audit;
  private final AppClock clock;

  MailIntake(IncomingMails mails, MailAttachments attachments, ComplaintIntake intake, CustomerAnswers answers,
      CustomerRecords customers, ComplaintService complaints, NotificationService notifications,
      ReplyAddresses replyAddresses, RuntimeService runtime, AuditTrail audit, AppClock clock) {
    this.mails = mails;
    this.attachments = attachments;
    this.intake = intake;
    this.answers = answers;
    this.customers = customers;
    this.complaints = complaints;
    this.notifications = notifications;
    this.replyAddresses = replyAddresses;
    this.runtime = runtime;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * One transaction: the mail's row, then the complaint. A twin on another node waits on the row
   * and then fails on its key ({@code DataIntegrityViolationException}): the mail was taken.
   */
  @Transactional
  public Taken take(IncomingMail mail) {
    if (mails.known(mail.key())) {
      return new Taken(Outcome.ALREADY_TAKEN, null, null);
    }
    mails.claim(mail, clock.nowInBusinessZone());
    if (mail.notAComplaint() != null) {
      return attention(mail, mail.notAComplaint(), mail.detail(), null);
    }
    Optional<Threaded> thread = threadOf(mail);
    if (thread.isPresent()) {
      return reply(mail, thread.get());
    }
    try {
      String reference = intake.submit(submission(mail), null, languageOf(mail)).submitted().reference();
      mails.becameComplaint(mail.key(), reference);
      attachments.store(mail, reference);
      LOG.info("Mail {} became complaint {}", mail.key(), reference);
      return new Taken(Outcome.COMPLAINT, reference, null);
    } catch (InvalidRequestException refused) {
      return attention(mail, Reason.NOT_VALID, refused.problems().stream()
          .map(MailIntake::said).collect(Collectors.joining("; ")), null);
    } catch (TooManyRequestsException overLimit) {
      return attention(mail, Reason.TOO_MANY, overLimit.getMessage(), null);
    }
  }

  @Transactional(readOnly = true)
  public boolean known(String key) {
    return mails.known(key);
  }

  /** A mail that failed to be taken poll after poll: it waits for an agent, with what could be read of it. */
  @Transactional
  public Taken unreadable(IncomingMail headers, String failure) {
    if (mails.known(headers.key())) {
      return new Taken(Outcome.ALREADY_TAKEN, null, null);
    }
    mails.claim(headers, clock.nowInBusinessZone());
    return attention(headers, Reason.UNREADABLE, failure, null);
  }

  /**
   * The complaint this mail answers: by the mail of ours it names, by the reply address it was sent
   * to, or by a reference in its subject, which only its customer's own address may use (references
   * are sequential: anyone could write one).
   */
  private Optional<Threaded> threadOf(IncomingMail mail) {
    for (String answered : mail.answers()) {
      Optional<String> reference = notifications.caseOfMessage(List.of(answered), CustomerMessages.KINDS)
          .filter(r -> !GUESSABLE_MESSAGE_ID.matcher(answered).matches() || fromItsCustomer(r, mail));
      if (reference.isPresent()) {
        return Optional.of(new Threaded(reference.get(), ThreadedBy.ANSWERED_MAIL));
      }
    }
    Optional<String> addressed = replyAddresses.complaintOf(mail.recipients());
    if (addressed.isPresent()) {
      return Optional.of(new Threaded(addressed.get(), ThreadedBy.REPLY_ADDRESS));
    }
    Matcher reference = REFERENCE.matcher(mail.subject() == null ? "" : mail.subject());
    return reference.find() && fromItsCustomer(reference.group(), mail)
        ? Optional.of(new Threaded(reference.group(), ThreadedBy.SUBJECT_REFERENCE)) : Optional.empty();
  }

  private boolean fromItsCustomer(String reference, IncomingMail mail) {
    return complaints.find(reference).map(c -> c.customer().email())
        .filter(email -> email.equalsIgnoreCase(mail.sender())).isPresent();
  }

  /**
   * A reply joins its complaint's story and its conversation (Msg_CustomerReplied, which the handling
   * form then shows); a reply to a case that has ended, or whose model predates replies, waits for
   * an agent as well.
   */
  private Taken reply(IncomingMail mail, Threaded thread) {
    String reference = thread.reference();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("mail", mail.key());
    details.put("threadedBy", thread.by().name());
    details.put("text", audit.sealed(reference, mail.text()));
    audit.recordDomainChange(reference, "customer-replied", details);
    // the answer to the handler's question, when the complaint waits for one
    if (answers.answer(reference, mail.text())) {
      mails.becameReply(mail, reference);
      attachments.store(mail, reference);
      LOG.info("Mail {} answers the question on complaint {} ({})", mail.key(), reference, thread.by());
      return new Taken(Outcome.REPLY, reference, null);
    }
    // a case that has ended, or runs on a model from before replies, has no one listening
    List<Execution> listening = runtime.createExecutionQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY)
        .messageEventSubscriptionName(ComplaintHandlingProcess.MESSAGE_CUSTOMER_REPLIED).list();
    if (listening.size() != 1) {
      return attention(mail, Reason.REPLY_NOT_TAKEN, reference, reference);
    }
    mails.becameReply(mail, reference);
    attachments.store(mail, reference);
    runtime.createMessageCorrelation(ComplaintHandlingProcess.MESSAGE_CUSTOMER_REPLIED)
        .processInstanceId(listening.get(0).getProcessInstanceId()).correlateWithResult();
    LOG.info("Mail {} is a reply to complaint {} ({})", mail.key(), reference, thread.by());
    return new Taken(Outcome.REPLY, reference, null);
  }

  private Taken attention(IncomingMail mail, Reason reason, String detail, String complaint) {
    mails.needsAttention(mail, reason, detail, complaint);
    attachments.store(mail, null);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("mail", mail.key());
    details.put("reason", reason.name());
    details.put("size", mail.size());
    audit.recordDomainChange(CHAIN, "mail-needs-attention", details);
    LOG.info("Mail {} needs an intake agent: {}{}", mail.key(), reason, detail == null ? "" : " (" + detail + ")");
    return new Taken(Outcome.NEEDS_ATTENTION, null, reason);
  }

  /**
   * The complaint the mail tells: its sender is the customer (the one known by this address, else a
   * new one), its subject the subject, its text the description. What it is about is for the
   * dispatchers to say: category OTHER goes to triage.
   */
  private ComplaintSubmission submission(IncomingMail mail) {
    NewComplaint.Customer known = knownCustomer(mail.sender()).orElse(null);
    String text = mail.text().strip();
    String subject = mail.subject() == null || mail.subject().isBlank() ? firstLine(text) : mail.subject().strip();
    ComplaintSubmission.CustomerInput customer = known != null
        ? new ComplaintSubmission.CustomerInput(known.id(), known.name(), mail.sender(), known.phone(),
            known.tier().name())
        : new ComplaintSubmission.CustomerInput(newCustomerId(mail.sender()),
            mail.senderName() != null ? mail.senderName() : mail.sender().substring(0, mail.sender().indexOf('@')),
            mail.sender(), null, CustomerTier.STANDARD.name());
    return new ComplaintSubmission(customer, Channel.EMAIL.name(), Category.OTHER.name(),
        shorten(subject, MAX_SUBJECT), text, null, null, null);
  }

  /** The customer who last complained from this address. */
  private Optional<NewComplaint.Customer> knownCustomer(String email) {
    return customers.customersWithEmail(email).stream().flatMap(id -> customers.complaintsOf(id).stream())
        .max(Comparator.comparing(Complaint::receivedAt)).map(Complaint::customer);
  }

  /** A customer first known by their e-mail address: always the same id for the same address. */
  static String newCustomerId(String email) {
    return "M-" + Hashing.sha256Hex(email.strip().toLowerCase(Locale.ROOT)).substring(0, 12).toUpperCase(Locale.ROOT);
  }

  /** Chinese for a mail with Chinese in it, English otherwise: the language of every reply. */
  static Language languageOf(IncomingMail mail) {
    return CHINESE.matcher(mail.text() + " " + (mail.subject() == null ? "" : mail.subject())).find()
        ? Language.ZH_CN : Language.EN;
  }

  private static String firstLine(String text) {
    return shorten(text.lines().filter(line -> !line.isBlank()).findFirst().orElse(text).strip(), DERIVED_SUBJECT);
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** A field problem in English, as the agent's list and the log show it. */
  private static String said(FieldProblem problem) {
    return problem.field() + " " + problem.message();
  }
}
