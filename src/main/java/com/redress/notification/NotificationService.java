package com.redress.notification;

import com.redress.shared.AppClock;
import com.redress.shared.PersonalData;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Queues messages in the outbox within the caller's transaction and hands each to its own
 * MessageDelivery instance (ADR 0013). Bodies are rendered by Thymeleaf, which HTML-escapes every
 * value, so customer-supplied text cannot inject markup.
 */
@Service
public class NotificationService {

  /** A customer link's token parameter (AccessTokens issues URL-safe Base64). */
  private static final Pattern ACCESS_TOKEN = Pattern.compile("token=[A-Za-z0-9_-]+");

  private final OutboxRepository outbox;
  private final ITemplateEngine templates;
  private final AppClock clock;
  private final MessageRelay relay;

  NotificationService(OutboxRepository outbox, ITemplateEngine templates, AppClock clock, MessageRelay relay) {
    this.outbox = outbox;
    this.templates = templates;
    this.clock = clock;
    this.relay = relay;
  }

  /** A message as kept in the outbox: what the customer was sent (or is about to be). */
  public record KeptMessage(String complaint, String kind, String recipient, String subject, String status,
      OffsetDateTime createdAt, OffsetDateTime sentAt, String bodyHtml) {
  }

  /**
   * The messages kept for these complaints, oldest first: part of what Redress holds about a
   * customer. The links in them carry the customer's access token, a credential: it is left out.
   */
  public List<KeptMessage> keptFor(Collection<String> complaintReferences) {
    return complaintReferences.isEmpty() ? List.of() : outbox.ofCases(complaintReferences).stream()
        .map(m -> new KeptMessage(m.complaint(), m.kind(), m.recipient(), m.subject(), m.status(), m.createdAt(),
            m.sentAt(), ACCESS_TOKEN.matcher(m.bodyHtml()).replaceAll("token=(left out)")))
        .toList();
  }

  /**
   * A corrected address: the messages of these complaints still waiting to be sent go to it; an
   * empty one (the address was removed) withdraws them.
   */
  public void readdressPending(Collection<String> complaintReferences, String recipient) {
    if (recipient.isBlank()) {
      outbox.withdrawPending(complaintReferences);
    } else {
      outbox.readdressPending(complaintReferences, recipient);
    }
  }

  /** The addresses messages of these kinds for these complaints went (or are to go) to, earlier ones included. */
  public List<String> recipients(Collection<String> complaintReferences, Collection<String> kinds) {
    return complaintReferences.isEmpty() ? List.of() : outbox.recipients(complaintReferences, kinds);
  }

  /** The case one of these Message-IDs (as a reply's In-Reply-To and References name them) was sent about. */
  public Optional<String> caseOfMessage(Collection<String> messageIds, Collection<String> kinds) {
    return messageIds.isEmpty() ? Optional.empty() : outbox.caseOfMessage(messageIds, kinds);
  }

  /**
   * Erases a customer's data from the messages kept for these complaints (docs/adr/0017); a
   * message not sent yet never will be. Returns how many messages were kept.
   */
  public int erase(Collection<String> complaintReferences, PersonalData data) {
    return complaintReferences.isEmpty() ? 0 : outbox.erase(complaintReferences, data);
  }

  /** Queues the message unless one with the same dedup key is already queued. */
  public void enqueue(OutgoingMessage message) {
    enqueue(message.dedupKey(), () -> message);
  }

  /**
   * Queues the message built by {@code message} unless one with this dedup key is already queued;
   * the message is only built (e.g. a link's token only issued) when it will be queued.
   */
  public void enqueue(String dedupKey, Supplier<OutgoingMessage> message) {
    if (outbox.exists(dedupKey)) {
      return;
    }
    write(message.get());
  }

  private void write(OutgoingMessage message) {
    Context context = new Context(message.language().locale());
    context.setVariables(message.model());
    long id = outbox.insert(message, templates.process(message.template(), context), clock.nowInBusinessZone());
    relay.deliverLater(message.complaintReference(), id);
  }
}
