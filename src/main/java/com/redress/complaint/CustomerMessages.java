package com.redress.complaint;

import com.redress.notification.NotificationService;
import com.redress.notification.OutgoingMessage;
import com.redress.shared.AppClock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The messages a customer receives about their complaint. Each e-mailed status link carries
 * its own access token, issued here, since stored tokens cannot be read back.
 */
@Component
public class CustomerMessages {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerMessages.class);

  private static final String ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT";
  private static final String DUPLICATE_NOTICE = "DUPLICATE_NOTICE";
  private static final String RESOLUTION = "RESOLUTION";
  private static final String QUESTION = "QUESTION";
  private static final String QUESTION_REMINDER = "QUESTION_REMINDER";
  /** The kinds of message that go to the customer (the others go to staff). */
  public static final Set<String> KINDS = Set.of(ACKNOWLEDGEMENT, DUPLICATE_NOTICE, RESOLUTION, QUESTION,
      QUESTION_REMINDER);

  private final ComplaintService complaints;
  private final AccessTokens tokens;
  private final NotificationService notifications;
  private final String publicBaseUrl;
  private final AppClock clock;

  private final CompensationInfo compensations;
  private final ConfirmedAddresses confirmedAddresses;
  private final MessageSource messages;

  CustomerMessages(ComplaintService complaints, AccessTokens tokens, NotificationService notifications,
      @Value("${redress.public-base-url}") String publicBaseUrl, AppClock clock, CompensationInfo compensations,
      ConfirmedAddresses confirmedAddresses, MessageSource messages) {
    this.messages = messages;
    this.confirmedAddresses = confirmedAddresses;
    this.compensations = compensations;
    this.clock = clock;
    this.complaints = complaints;
    this.tokens = tokens;
    this.notifications = notifications;
    this.publicBaseUrl = publicBaseUrl;
  }

  void acknowledgement(String reference) {
    queue(complaints.get(reference), ACKNOWLEDGEMENT, "mail.acknowledgement.subject", reference,
        "mail/acknowledgement");
  }

  void duplicateNotice(String reference) {
    Complaint complaint = complaints.get(reference);
    queue(complaint, DUPLICATE_NOTICE, "mail.duplicate.subject", complaint.duplicateOf(), "mail/duplicate-notice");
  }

  /** The resolution with the survey link; one per resolution (a reopened complaint is resolved again). */
  void resolutionNotice(String reference, Survey survey) {
    queue(complaints.get(reference), RESOLUTION, ":" + survey.round(), "mail.resolution.subject", reference,
        "mail/resolution-notice", (model, token) -> {
          model.put("surveyLink", publicBaseUrl + "/complaints/" + reference + "/survey?token=" + token);
          model.put("answerBy", survey.dueAt().atZoneSameInstant(clock.businessZone()));
          // what was issued with this resolution, if anything
          compensations.latest(reference).filter(c -> "ISSUED".equals(c.state())
              && c.proposalId().equals(reference + "/" + survey.round())).ifPresent(c -> model.put("compensation", c));
        });
  }

  /**
   * The handler's question, answered by replying or on the status page; once per question (a
   * complaint may need several), and once more as a reminder.
   */
  void question(String reference, boolean reminder) {
    Complaint complaint = complaints.get(reference);
    queue(complaint, reminder ? QUESTION_REMINDER : QUESTION, ":" + complaint.waiting().since().toEpochSecond(),
        reminder ? "mail.question.reminderSubject" : "mail.question.subject", reference, "mail/question",
        (model, token) -> model.put("reminder", reminder));
  }

  private void queue(Complaint complaint, String kind, String subjectKey, String subjectReference, String template) {
    queue(complaint, kind, "", subjectKey, subjectReference, template, (model, token) -> { });
  }

  /**
   * Queues once per dedup key; the link's token and the model are made only when it is really
   * queued. Subject and body are in the language the customer complained in.
   */
  private void queue(Complaint complaint, String kind, String occasion, String subjectKey, String subjectReference,
      String template, BiConsumer<Map<String, Object>, String> extras) {
    String reference = complaint.reference();
    String dedupKey = reference + ":" + kind + occasion;
    if (complaint.customer().email() == null) {
      LOG.info("{} of {} not e-mailed: the customer gave no e-mail address", kind, reference);
      return;
    }
    notifications.enqueue(dedupKey, () -> {
      String token = tokens.issue(reference, kind);
      String statusLink = publicBaseUrl + "/complaints/" + reference + "?token=" + token;
      // the submitter's own words go only to an address that has shown a person reads it
      Map<String, Object> model = new HashMap<>(Map.of("complaint", complaint, "statusLink", statusLink,
          "echo", confirmedAddresses.isConfirmed(complaint.customer().email())));
      if (complaint.classification() != null) {
        // the database may hand times back in UTC; customers read them in the business time zone
        model.put("resolveBy", complaint.classification().resolutionDue().atZoneSameInstant(clock.businessZone()));
      }
      extras.accept(model, token);
      String subject = messages.getMessage(subjectKey, new Object[] {subjectReference}, complaint.language().locale());
      return new OutgoingMessage(dedupKey, reference, kind, complaint.customer().email(), subject, template, model,
          complaint.language());
    });
  }
}
