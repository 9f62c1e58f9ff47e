package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.AWARD_REASON;
import static com.redress.award.EmployeeAwardProcess.CUT_AWARD;
import static com.redress.award.EmployeeAwardProcess.CUT_HANDLER;
import static com.redress.award.EmployeeAwardProcess.OBJECTION_DECISION;
import static com.redress.award.EmployeeAwardProcess.OBJECTION_ID;

import com.redress.shared.CompletionCheck;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End of Task_DecideObjection: uphold (naming the award to cut) or dismiss, with a reason; a
 * nominee of the run is refused.
 */
@Component
class ValidateObjectionDecisionListener extends AwardDecisionListener {

  private final AwardPublication publication;
  private final AwardFourEyes fourEyes;

  ValidateObjectionDecisionListener(AwardPublication publication, AwardFourEyes fourEyes) {
    this.publication = publication;
    this.fourEyes = fourEyes;
  }

  @Override
  void decide(DelegateExecution execution, String runId, CompletionCheck check) {
    long objection = OBJECTION_ID.require(execution);
    if (!publication.undecided(runId, objection)) {
      throw new IllegalStateException("Objection " + objection + " of " + runId + " is not open");
    }
    String member = fourEyes.actingDecider(check, runId, "member");
    String decision = check.oneOf(OBJECTION_DECISION.name(),
        List.of(AwardPublication.UPHOLD, AwardPublication.DISMISS));
    String reason = check.text(AWARD_REASON.name(), AwardPublication.MIN_REASON, AwardPublication.MAX_REASON);
    boolean uphold = AwardPublication.UPHOLD.equals(decision);
    String handler = uphold ? check.text(CUT_HANDLER.name(), 1, 64) : null;
    String award = uphold ? check.text(CUT_AWARD.name(), 1, 30) : null;
    check.refuseIfInvalid("Objection decision refused");
    try {
      publication.decide(runId, objection, uphold, reason, member, handler, award);
    } catch (IllegalArgumentException noSuchAward) {
      check.problem(CUT_AWARD.name(), noSuchAward.getMessage());
      check.refuseIfInvalid("Objection decision refused");
    }
  }
}
