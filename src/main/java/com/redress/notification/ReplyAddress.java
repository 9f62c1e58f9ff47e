package com.redress.notification;

import java.util.Optional;

/**
 * Where a customer's reply to a message should go so that it finds its case again: the intake
 * mailbox's address with the case's reply token, when Redress reads a mailbox (docs/adr/0019).
 */
public interface ReplyAddress {

  /** The Reply-To of a message of {@code kind} about case {@code caseKey}, or empty for none. */
  Optional<String> of(String caseKey, String kind);
}
