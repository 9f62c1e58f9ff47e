package com.redress.compensation;

import org.springframework.stereotype.Component;

/** Four-eyes of compensation approval: not the proposer, and nobody twice for the same proposal. */
@Component
class ApprovalFourEyes {

  private final CompensationService compensations;

  ApprovalFourEyes(CompensationService compensations) {
    this.compensations = compensations;
  }

  /** Why {@code user} may not approve proposal {@code id}, or null when they may. */
  String refusal(String id, String user) {
    if (user == null) {
      return null;
    }
    Compensation c = compensations.get(id);
    if (user.equals(c.proposedBy())) {
      return user + " proposed compensation " + id + " and cannot approve it (four-eyes principle)";
    }
    if (compensations.decisions(id).stream().anyMatch(d -> user.equals(d.decidedBy()))) {
      return user + " already approved compensation " + id
          + " at an earlier level and cannot approve it again (four-eyes principle)";
    }
    return null;
  }
}
