package com.redress.notification;

import com.redress.shared.AppClock;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Queues customer messages in the outbox within the caller's transaction. Bodies are rendered
 * by Thymeleaf, which HTML-escapes every value, so customer-supplied text cannot inject markup.
 */
@Service
public class NotificationService {

  private final OutboxRepository outbox;
  private final ITemplateEngine templates;
  private final AppClock clock;

  NotificationService(OutboxRepository outbox, ITemplateEngine templates, AppClock clock) {
    this.outbox = outbox;
    this.templates = templates;
    this.clock = clock;
  }

  public boolean isQueued(String dedupKey) {
    return outbox.exists(dedupKey);
  }

  /** Queues the message unless one with the same dedup key is already queued. */
  public void enqueue(OutgoingMessage message) {
    if (outbox.exists(message.dedupKey())) {
      return;
    }
    Context context = new Context();
    context.setVariables(message.model());
    outbox.insert(message, templates.process(message.template(), context), clock.nowInBusinessZone());
  }
}
