package com.redress.audit;

import com.redress.shared.AppClock;
import com.redress.shared.Database;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One AES-256 key per chain (a complaint) for the personal fields of its audit events, sealed with
 * AES-GCM: the event's hash covers the sealed text, so destroying the key erases the field without
 * changing a hash (docs/adr/0017). Keys live in {@code audit_personal_key}, created on first use in
 * the transaction that records the event. An erased chain keeps an empty secret: nothing is sealed for
 * it again.
 */
@Component
class PersonalDataKeys {

  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final JdbcClient jdbc;
  private final AppClock clock;
  private final SecureRandom random = new SecureRandom();
  private final String insertIfAbsent;

  PersonalDataKeys(JdbcClient jdbc, AppClock clock, Database database) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.insertIfAbsent = database.isPostgres()
        ? "INSERT INTO audit_personal_key (chain_key, secret, created_at) VALUES (:chain, :secret, :now)"
            + " ON CONFLICT (chain_key) DO NOTHING"
        : "INSERT INTO audit_personal_key (chain_key, secret, created_at) VALUES (:chain, :secret, :now)";
  }

  /**
   * {@code text} sealed under the chain's key (made now if the chain has none): base64 of IV and
   * ciphertext; empty when the chain's personal data was erased (nothing of the customer is kept).
   */
  Optional<String> seal(String chainKey, String text) {
    Optional<String> secret = secret(chainKey);
    if (secret.isPresent() && secret.get().isEmpty()) {
      return Optional.empty();
    }
    SecretKey key = secret.map(PersonalDataKeys::fromSecret).orElseGet(() -> create(chainKey));
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return Optional.of(Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv)
          .put(sealed).array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
    }
  }

  /** The chain's key; empty when it never had one or it was destroyed by an erasure. */
  Optional<SecretKey> key(String chainKey) {
    return secret(chainKey).filter(secret -> !secret.isEmpty()).map(PersonalDataKeys::fromSecret);
  }

  /** The stored secret: empty text once destroyed, absent while the chain never sealed anything. */
  private Optional<String> secret(String chainKey) {
    return jdbc.sql("SELECT secret FROM audit_personal_key WHERE chain_key = :chain").param("chain", chainKey)
        .query(String.class).optional().map(String::strip);
  }

  private static SecretKey fromSecret(String secret) {
    return new SecretKeySpec(Base64.getDecoder().decode(secret), "AES");
  }

  /** The text sealed by {@link #seal}; a sealed text that does not open under this key is refused. */
  static String open(SecretKey key, String sealed) {
    byte[] bytes = Base64.getDecoder().decode(sealed);
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A sealed audit field does not open under its chain's key", e);
    }
  }

  /**
   * Destroys the chains' keys, leaving an empty secret so that nothing is sealed for them again;
   * returns how many keys there were.
   */
  int destroy(String chainKey) {
    int destroyed = jdbc.sql("UPDATE audit_personal_key SET secret = '' WHERE chain_key = :chain AND secret <> ''")
        .param("chain", chainKey).update();
    if (secret(chainKey).isEmpty()) {
      insert(chainKey, "");
    }
    return destroyed;
  }

  private SecretKey create(String chainKey) {
    byte[] secret = new byte[KEY_BYTES];
    random.nextBytes(secret);
    insert(chainKey, Base64.getEncoder().encodeToString(secret));
    return key(chainKey).orElseThrow(() -> new IllegalStateException("The personal data of " + chainKey
        + " was erased while this was being recorded"));
  }

  private void insert(String chainKey, String secret) {
    try {
      jdbc.sql(insertIfAbsent).param("chain", chainKey).param("secret", secret)
          .param("now", clock.now().atOffset(ZoneOffset.UTC)).update();
    } catch (DuplicateKeyException createdConcurrently) {
      // H2 only: another transaction made the chain's key first; it is read next
    }
  }
}
