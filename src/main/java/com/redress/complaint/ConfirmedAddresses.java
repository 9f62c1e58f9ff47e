package com.redress.complaint;

import com.redress.shared.AppClock;
import com.redress.shared.Hashing;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer e-mail addresses that have shown a person reads them: the owner opened a link carrying
 * a complaint's access token (status page, survey, API), or a member of staff recorded the
 * complaint. Anyone can type any address into the public form; until an address is confirmed, our
 * e-mails to it carry no words of the submitter (name, subject, description), so the intake cannot
 * be used to deliver someone else's text to a stranger. Stored as SHA-256 of the lower-cased address.
 */
@Component
class ConfirmedAddresses {

  private final JdbcClient jdbc;
  private final AppClock clock;
  private final TransactionTemplate ownTransaction;

  ConfirmedAddresses(JdbcClient jdbc, AppClock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  boolean isConfirmed(String email) {
    return email != null && jdbc.sql("SELECT COUNT(*) FROM confirmed_address WHERE email_hash = :hash")
        .param("hash", hash(email)).query(Long.class).single() > 0;
  }

  /** Confirms the address of this complaint's customer, once; in a transaction of its own (a read may call it). */
  void confirmAddressOf(String reference) {
    jdbc.sql("SELECT customer_email FROM complaint WHERE reference = :reference").param("reference", reference)
        .query(String.class).optional().filter(email -> !isConfirmed(email)).ifPresent(this::confirm);
  }

  void confirm(String email) {
    try {
      ownTransaction.executeWithoutResult(tx -> jdbc.sql(
              "INSERT INTO confirmed_address (email_hash, confirmed_at) VALUES (:hash, :now)")
          .param("hash", hash(email)).param("now", clock.nowInBusinessZone()).update());
    } catch (DuplicateKeyException confirmedMeanwhile) {
      // another request confirmed it first: the same outcome
    }
  }

  /** No longer known as confirmed (its hash identifies the address to whoever guesses it). */
  void forget(String email) {
    jdbc.sql("DELETE FROM confirmed_address WHERE email_hash = :hash").param("hash", hash(email)).update();
  }

  private static String hash(String email) {
    return Hashing.sha256Hex(email.strip().toLowerCase(Locale.ROOT));
  }
}
