package com.redress.mailintake;

import com.redress.complaint.CustomerMessages;
import com.redress.complaint.ReplyTokens;
import com.redress.notification.ReplyAddress;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reply address of every mail to a customer: the intake mailbox's address
 * ({@code redress.intake.mail.address}) with the complaint's reply token as a plus-address
 * ({@code complaints+token@example.com}), which the mail server delivers to the mailbox itself.
 * Without the address Redress's mails carry no Reply-To.
 */
@Component
class ReplyAddresses implements ReplyAddress {

  private final String local;
  private final String domain;
  private final ReplyTokens tokens;

  ReplyAddresses(@Value("${redress.intake.mail.address:}") String address, ReplyTokens tokens) {
    String mailbox = address.strip();
    int at = mailbox.lastIndexOf('@');
    this.local = at > 0 ? mailbox.substring(0, at) : null;
    this.domain = at > 0 ? mailbox.substring(at + 1) : null;
    this.tokens = tokens;
  }

  @Override
  public Optional<String> of(String caseKey, String kind) {
    return local == null || !CustomerMessages.KINDS.contains(kind) ? Optional.empty()
        : Optional.of(local + "+" + tokens.of(caseKey) + "@" + domain);
  }

  /** The complaint one of these recipients' plus-address leads to. */
  Optional<String> complaintOf(Collection<String> recipients) {
    if (local == null) {
      return Optional.empty();
    }
    String prefix = (local + "+").toLowerCase(Locale.ROOT);
    String suffix = ("@" + domain).toLowerCase(Locale.ROOT);
    return recipients.stream().map(r -> r.strip().toLowerCase(Locale.ROOT))
        .filter(r -> r.startsWith(prefix) && r.endsWith(suffix) && r.length() > prefix.length() + suffix.length())
        .map(r -> r.substring(prefix.length(), r.length() - suffix.length()))
        .map(tokens::complaintOf).flatMap(Optional::stream).findFirst();
  }
}
