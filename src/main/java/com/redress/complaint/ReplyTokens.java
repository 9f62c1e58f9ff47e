package com.redress.complaint;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each complaint's reply token: the part of its reply address (complaints+token@…) that leads a
 * customer's reply back to it. 130 random bits in lower-case base 32, since mail servers may
 * lower-case an address; unlike the sequential reference, nobody can guess one. Made when the first
 * mail to the customer goes out.
 */
@Component
public class ReplyTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int LENGTH = 26;

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  ReplyTokens(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The complaint's token; the first caller makes it, any concurrent one reads the same. Committed at
   * once, in a transaction of its own: a mail sent with it must lead back even if the sending step
   * rolls back, and the complaint's row is not held locked while the mail goes out.
   */
  public String of(String reference) {
    return ownTransaction.execute(tx -> {
      jdbc.sql("UPDATE complaint SET reply_token = :token WHERE reference = :reference AND reply_token IS NULL")
          .param("token", fresh()).param("reference", reference).update();
      return jdbc.sql("SELECT reply_token FROM complaint WHERE reference = :reference").param("reference", reference)
          .query(String.class).single();
    });
  }

  /** The complaint this token belongs to. */
  public Optional<String> complaintOf(String token) {
    return jdbc.sql("SELECT reference FROM complaint WHERE reply_token = :token")
        .param("token", token.toLowerCase(Locale.ROOT)).query(String.class).optional();
  }

  private static String fresh() {
    char[] token = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      token[i] = BASE32[RANDOM.nextInt(BASE32.length)];
    }
    return new String(token);
  }
}
