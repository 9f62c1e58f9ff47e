package com.redress.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.redress.shared.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the hash chains. A chain verifies when its rows run 1, 2, 3… from the sealed start,
 * each row's hash matches its content and the previous hash, and the last row is the chain head:
 * so a changed, removed, inserted or reordered row is found, at its position.
 */
@Service
public class AuditIntegrity {

  /** Where a chain first breaks: {@code expected} is what the chain demands, {@code found} what is stored. */
  public record BrokenLink(String chain, long seq, Problem problem, String expected, String found) {
  }

  /** What is wrong at a broken link: English in the API, the integrity page's own words on the page. */
  public enum Problem {
    HEAD_REMOVED("chain head removed"),
    ROW_MISSING("row missing or out of order"),
    PREVIOUS_HASH("previous hash does not match"),
    CONTENT_CHANGED("content changed"),
    ROWS_MISSING_AT_END("rows missing at the end of the chain");

    private final String english;

    Problem(String english) {
      this.english = english;
    }

    @JsonValue
    public String english() {
      return english;
    }
  }

  /**
   * Rows of a chain rewritten by an erasure of personal data and hashed again (docs/adr/0017): the
   * erasure's own event, at {@code erasureSeq}, keeps the hash the chain's head had before.
   */
  public record ResealedSegment(String chain, long fromSeq, long throughSeq, String previousHeadHash,
      long erasureSeq, Instant at) {
  }

  public record Report(boolean verified, int chains, long events, BrokenLink firstBrokenLink,
      List<ResealedSegment> resealed) {
  }

  private final AuditRepository repository;
  private final ObjectMapper json;

  AuditIntegrity(AuditRepository repository, ObjectMapper json) {
    this.repository = repository;
    this.json = json;
  }

  /** One consistent snapshot: complaints committing meanwhile cannot look like broken chains. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Report verifyAll() {
    List<String> headless = repository.chainsWithoutHead();
    List<AuditRepository.ChainHead> heads = repository.heads();
    if (!headless.isEmpty()) {
      return new Report(false, heads.size() + headless.size(), 0,
          new BrokenLink(headless.get(0), 0, Problem.HEAD_REMOVED, "a head row", "none"), List.of());
    }
    return verify(heads);
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Report verifyChain(String chainKey) {
    return verify(List.of(repository.head(chainKey)
        .orElseThrow(() -> new NotFoundException("No audit trail for " + chainKey))));
  }

  /** One pass over each chain: its links checked, its erasures' re-sealed segments collected on the way. */
  private Report verify(List<AuditRepository.ChainHead> heads) {
    long events = 0;
    List<ResealedSegment> resealed = new ArrayList<>();
    for (AuditRepository.ChainHead head : heads) {
      ChainCheck check = new ChainCheck(head);
      repository.forEachInChain(head.chainKey(), head.lastSeq(), row -> {
        check.accept(row);
        resealedBy(row).ifPresent(resealed::add);
      });
      events += check.count;
      BrokenLink broken = check.finish();
      if (broken != null) {
        return new Report(false, heads.size(), events, broken, resealed);
      }
    }
    return new Report(true, heads.size(), events, null, resealed);
  }

  /** The segment an erasure's event says it re-sealed; empty for any other row, or an erasure that re-sealed nothing. */
  private Optional<ResealedSegment> resealedBy(StoredAuditEvent row) {
    if (!AuditErasure.ERASED_EVENT.equals(row.type())) {
      return Optional.empty();
    }
    JsonNode details = row.detailsTree(json);
    return details.has("resealedFromSeq")
        ? Optional.of(new ResealedSegment(row.chainKey(), details.get("resealedFromSeq").asLong(),
            details.get("resealedThroughSeq").asLong(), details.get("previousHeadHash").asText(), row.seq(),
            row.occurredAt()))
        : Optional.empty();
  }

  private static final class ChainCheck {

    private final AuditRepository.ChainHead head;
    private long expectedSeq;
    private String expectedPrev;
    private long count;
    private BrokenLink broken;

    ChainCheck(AuditRepository.ChainHead head) {
      this.head = head;
      this.expectedSeq = head.sealedSeq() + 1;
      this.expectedPrev = head.sealedHash();
    }

    void accept(StoredAuditEvent row) {
      count++;
      if (broken != null) {
        return;
      }
      if (row.seq() != expectedSeq) {
        broken = new BrokenLink(head.chainKey(), expectedSeq, Problem.ROW_MISSING,
            "seq " + expectedSeq, "seq " + row.seq());
      } else if (!row.prevHash().equals(expectedPrev)) {
        broken = new BrokenLink(head.chainKey(), row.seq(), Problem.PREVIOUS_HASH, expectedPrev, row.prevHash());
      } else {
        String recomputed = row.recomputedHash(expectedPrev);
        if (!recomputed.equals(row.hash())) {
          broken = new BrokenLink(head.chainKey(), row.seq(), Problem.CONTENT_CHANGED, recomputed, row.hash());
        } else {
          expectedSeq++;
          expectedPrev = row.hash();
        }
      }
    }

    BrokenLink finish() {
      if (broken == null && (expectedSeq - 1 != head.lastSeq() || !expectedPrev.equals(head.lastHash()))) {
        broken = new BrokenLink(head.chainKey(), expectedSeq, Problem.ROWS_MISSING_AT_END,
            "seq " + head.lastSeq() + " " + head.lastHash(), "seq " + (expectedSeq - 1) + " " + expectedPrev);
      }
      return broken;
    }
  }
}
