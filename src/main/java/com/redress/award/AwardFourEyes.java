package com.redress.award;

import org.springframework.stereotype.Component;

/** Four-eyes of the award decisions: a nominee of the run decides nothing about it. */
@Component
class AwardFourEyes {

  private final AwardService awards;

  AwardFourEyes(AwardService awards) {
    this.awards = awards;
  }

  /** Why {@code user} may not decide on run {@code runId}, or null when they may. */
  String refusal(String runId, String user) {
    return user != null && awards.isNominated(runId, user)
        ? user + " is a nominee of " + runId + " and cannot decide on its awards (four-eyes principle)"
        : null;
  }
}
