package com.redress.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.redress.language.Language;
import com.redress.language.Phrase;
import com.redress.shared.ConflictException;
import com.redress.shared.FieldProblem;
import com.redress.shared.Hashing;
import com.redress.shared.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Public intake with {@code Idempotency-Key} semantics and a limit per customer e-mail address
 * ({@link PublicLimits}): the same key and the same body return
 * the first complaint (with a fresh access token, since tokens are stored only hashed); the
 * same key with another body is refused.
 */
@Service
public class ComplaintIntake {

  static final int MAX_KEY_LENGTH = 255;
  /** The purpose of the token a replayed submission gets back. */
  static final String REPLAY_TOKEN = "REPLAY";
  /** A twin holding the key may commit or roll back; a few rounds settle either way. */
  private static final int MAX_ATTEMPTS = 3;

  private final ComplaintValidator validator;
  private final ComplaintService complaints;
  private final IdempotencyKeys keys;
  private final AccessTokens tokens;
  private final ObjectMapper json;
  private final PublicLimits limits;

  ComplaintIntake(ComplaintValidator validator, ComplaintService complaints, IdempotencyKeys keys,
      AccessTokens tokens, ObjectMapper json, PublicLimits limits) {
    this.limits = limits;
    this.validator = validator;
    this.complaints = complaints;
    this.keys = keys;
    this.tokens = tokens;
    this.json = json;
  }

  public record Result(ComplaintService.Submitted submitted, boolean replayed) {
  }

  /** {@code language}: the customer's, for every e-mail about the complaint. */
  public Result submit(ComplaintSubmission body, String idempotencyKey, Language language) {
    NewComplaint complaint = validator.validate(body, null, language);
    if (idempotencyKey == null) {
      limits.countSubmissionFor(complaint.customer().email());
      return new Result(complaints.submit(complaint, null, null), false);
    }
    if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
      throw new InvalidRequestException(List.of(FieldProblem.of("Idempotency-Key", Phrase.LENGTH_BETWEEN, 1, MAX_KEY_LENGTH)));
    }
    String requestHash = fingerprint(body);
    for (int attempt = 1; ; attempt++) {
      Optional<IdempotencyKeys.Entry> first = keys.find(idempotencyKey);
      if (first.isPresent()) {
        return replay(first.get(), requestHash);
      }
      if (attempt == 1) {
        // a replay of the same request is no new complaint for this address
        limits.countSubmissionFor(complaint.customer().email());
      }
      try {
        return new Result(complaints.submit(complaint, idempotencyKey, requestHash), false);
      } catch (DataIntegrityViolationException | ConcurrencyFailureException lostRace) {
        // a concurrent request with the same key got there first; read what it created
        if (attempt == MAX_ATTEMPTS) {
          throw lostRace;
        }
      }
    }
  }

  private Result replay(IdempotencyKeys.Entry first, String requestHash) {
    if (!Hashing.constantTimeEquals(first.requestHash(), requestHash)) {
      throw new ConflictException(422, Phrase.IDEMPOTENCY_KEY_REUSED.with());
    }
    String reference = first.complaintReference();
    String token = tokens.issue(reference, REPLAY_TOKEN);
    return new Result(new ComplaintService.Submitted(reference, token, complaints.get(reference).status()), true);
  }

  private String fingerprint(ComplaintSubmission body) {
    try {
      return Hashing.sha256Hex(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A parsed submission always serializes", e);
    }
  }
}
