package com.redress.complaint;

import com.redress.shared.AppClock;
import com.redress.shared.Hashing;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Customer access tokens: 256 random bits, shown once, stored only as SHA-256. A complaint may
 * hold several (the API response's, one per e-mailed link), all equally valid.
 */
@Component
public class AccessTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final AppClock clock;
  private final ConfirmedAddresses confirmedAddresses;

  AccessTokens(JdbcClient jdbc, AppClock clock, ConfirmedAddresses confirmedAddresses) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.confirmedAddresses = confirmedAddresses;
  }

  /** Issues a new token for the complaint and returns it in clear; only its hash is kept. */
  public String issue(String reference, String purpose) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("""
        INSERT INTO complaint_access_token (token_hash, complaint_reference, purpose, created_at)
        VALUES (:hash, :reference, :purpose, :now)
        """)
        .param("hash", Hashing.sha256Hex(token)).param("reference", reference)
        .param("purpose", purpose).param("now", clock.nowInBusinessZone())
        .update();
    return token;
  }

  /**
   * True when {@code token} is one of the complaint's tokens; compared in constant time. A token
   * that came back proves that someone reads the customer's e-mail: their address is confirmed.
   */
  public boolean verify(String reference, String token) {
    if (reference == null || token == null || token.isBlank() || token.length() > 100) {
      return false;
    }
    String presented = Hashing.sha256Hex(token);
    List<String> stored = jdbc.sql("SELECT token_hash FROM complaint_access_token WHERE complaint_reference = :reference")
        .param("reference", reference).query(String.class).list();
    boolean match = false;
    for (String hash : stored) {
      match |= Hashing.constantTimeEquals(hash, presented);
    }
    if (match) {
      confirmedAddresses.confirmAddressOf(reference);
    }
    return match;
  }
}
