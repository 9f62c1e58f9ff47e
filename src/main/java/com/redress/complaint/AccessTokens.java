package com.redress.complaint;

import com.redress.shared.AppClock;
import com.redress.shared.Hashing;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Customer access tokens: 256 random bits, shown once, stored only as SHA-256. A complaint may
 * hold several (the API response's, one per e-mailed link), all equally valid.
 */
@Component
public class AccessTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** Purposes of tokens handed to whoever submitted, not sent to the customer's address. */
  static final Set<String> ISSUED_TO_THE_SUBMITTER = Set.of(ComplaintService.SUBMISSION_TOKEN,
      ComplaintIntake.REPLAY_TOKEN);

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

  /** The complaint's links stop working: there is nothing of the customer's left to show. */
  void revokeAll(String reference) {
    jdbc.sql("DELETE FROM complaint_access_token WHERE complaint_reference = :reference")
        .param("reference", reference).update();
  }

  /**
   * True when {@code token} is one of the complaint's tokens; compared in constant time. A token
   * that came back from an e-mail proves that someone reads the customer's mailbox: the address is
   * confirmed. The submitter's own token (API answer, the form's redirect) proves nothing of the kind.
   */
  public boolean verify(String reference, String token) {
    if (reference == null || token == null || token.isBlank() || token.length() > 100) {
      return false;
    }
    String presented = Hashing.sha256Hex(token);
    List<Map<String, Object>> stored = jdbc.sql(
            "SELECT token_hash, purpose FROM complaint_access_token WHERE complaint_reference = :reference")
        .param("reference", reference).query().listOfRows();
    boolean match = false;
    boolean mailed = false;
    for (Map<String, Object> row : stored) {
      boolean same = Hashing.constantTimeEquals((String) row.get("token_hash"), presented);
      match |= same;
      mailed |= same && !ISSUED_TO_THE_SUBMITTER.contains((String) row.get("purpose"));
    }
    if (mailed) {
      confirmedAddresses.confirmAddressOf(reference);
    }
    return match;
  }
}
