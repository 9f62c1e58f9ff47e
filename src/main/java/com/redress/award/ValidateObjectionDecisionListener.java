package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.AWARD_REASON;
import static com.redress.award.EmployeeAwardProcess.CUT_AWARD;
import static com.redress.award.EmployeeAwardProcess.CUT_HANDLER;
import static com.redress.award.EmployeeAwardProcess.OBJECTION_DECISION;
import static com.redress.award.EmployeeAwardProcess.OBJECTION_ID;

import com.redress.language.Phrase;
import com.redress.shared.CompletionCheck;
import com.redress.shared.CompletionChecks;
import com.redress.shared.EarlierModels;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End of Task_DecideObjection: checks the decision to uphold (naming an approved award to cut) or
 * dismiss, with a reason; a nominee of the run is refused. Task_RecordObjectionDecision records an
 * accepted decision.
 */
@Component
class ValidateObjectionDecisionListener extends AwardDecisionListener {

  private final AwardPublication publication;
  private final AwardService awards;
  private final AwardFourEyes fourEyes;
  private final RecordObjectionDecisionDelegate record;

  ValidateObjectionDecisionListener(AwardPublication publication, AwardService awards, AwardFourEyes fourEyes,
      RecordObjectionDecisionDelegate record, CompletionChecks checks) {
    super(checks);
    this.publication = publication;
    this.awards = awards;
    this.fourEyes = fourEyes;
    this.record = record;
  }

  @Override
  void decide(DelegateExecution execution, String runId, CompletionCheck check) {
    long objection = OBJECTION_ID.require(execution);
    if (!publication.undecided(runId, objection)) {
      throw new IllegalStateException("Objection " + objection + " of " + runId + " is not open");
    }
    fourEyes.actingDecider(check, runId, "member");
    String decision = check.oneOf(OBJECTION_DECISION.name(),
        List.of(AwardPublication.UPHOLD, AwardPublication.DISMISS));
    check.text(AWARD_REASON.name(), AwardPublication.MIN_REASON, AwardPublication.MAX_REASON);
    if (AwardPublication.UPHOLD.equals(decision)) {
      String handler = check.text(CUT_HANDLER.name(), 1, 64);
      String award = check.text(CUT_AWARD.name(), 1, 30);
      if (handler != null && award != null && !handler.isEmpty() && !award.isEmpty()
          && !awards.hasAward(runId, handler, award, "APPROVED")) {
        check.problem(CUT_AWARD.name(), Phrase.NO_APPROVED_AWARD, handler, award);
      }
    }
    check.refuseIfInvalid(Phrase.REFUSED_OBJECTION_DECISION);
    EarlierModels.recordWithoutStep(execution, EmployeeAwardProcess.TASK_RECORD_OBJECTION_DECISION, record::execute);
  }
}
