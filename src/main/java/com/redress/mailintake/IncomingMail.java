package com.redress.mailintake;

import java.util.List;

/**
 * A mail as the intake reads it, decoded: who sent it, what it says, and what marks it as no
 * complaint. {@code key} identifies it across reads and nodes: SHA-256 of its Message-ID, or of
 * its headers and size when it has none.
 *
 * @param text the text part, or the text of its HTML part when it has none; null when not read
 *     (too large)
 * @param notAComplaint why it is no complaint whatever it says (an auto-reply, a bounce, too large),
 *     or null
 * @param answers the Message-IDs it answers (In-Reply-To, then References)
 * @param recipients the addresses it was sent to (To, Cc, Delivered-To, X-Original-To)
 * @param attachments its attached files, as sent
 */
record IncomingMail(String key, String messageId, String sender, String senderName, String subject, String text,
    long size, Reason notAComplaint, String detail, List<String> answers, List<String> recipients,
    List<Attachment> attachments) {

  IncomingMail {
    answers = List.copyOf(answers);
    recipients = List.copyOf(recipients);
    attachments = List.copyOf(attachments);
  }

  /** A file attached to the mail; {@code contentType} its base type, lower-cased. */
  record Attachment(String fileName, String contentType, byte[] content) {
  }

  /** Why a mail needs an intake agent's attention instead of becoming a complaint or a reply. */
  enum Reason {
    AUTO_REPLY, BOUNCE, TOO_LARGE, NO_SENDER, EMPTY, NOT_VALID, TOO_MANY, REPLY_NOT_TAKEN, UNREADABLE
  }
}
