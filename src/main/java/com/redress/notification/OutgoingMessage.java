package com.redress.notification;

import com.redress.language.Language;
import java.util.Map;

/**
 * A message to queue. {@code dedupKey} makes queueing idempotent: the same business event
 * (e.g. "CMP-2026-000123:ACKNOWLEDGEMENT") is queued, and so sent, once. The template is written
 * in {@code language}: the customer's for a customer, the installation's for staff.
 */
public record OutgoingMessage(
    String dedupKey,
    String complaintReference,
    String kind,
    String recipient,
    String subject,
    String template,
    Map<String, Object> model,
    Language language) {
}
