package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.AWARD_ACTION;
import static com.redress.award.EmployeeAwardProcess.AWARD_REASON;
import static com.redress.award.EmployeeAwardProcess.CUT_AWARD;
import static com.redress.award.EmployeeAwardProcess.CUT_HANDLER;

import com.redress.language.Phrase;
import com.redress.shared.CompletionCheck;
import com.redress.shared.CompletionChecks;
import com.redress.shared.EarlierModels;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End of Task_ApproveAwards: checks that the committee approves (within budget, or with finance's
 * approval of the excess), cuts one proposed award with a reason, or asks finance. A nominee of the
 * run is refused. A refused completion changes nothing; Task_RecordAwardDecision records an
 * accepted one.
 */
@Component
class ValidateAwardDecisionListener extends AwardDecisionListener {

  static final String APPROVE = "APPROVE";
  static final String CUT = "CUT";
  static final String ASK_FINANCE = "ASK_FINANCE";

  private final AwardService awards;
  private final AwardFourEyes fourEyes;
  private final RecordAwardDecisionDelegate record;

  ValidateAwardDecisionListener(AwardService awards, AwardFourEyes fourEyes, RecordAwardDecisionDelegate record,
      CompletionChecks checks) {
    super(checks);
    this.awards = awards;
    this.fourEyes = fourEyes;
    this.record = record;
  }

  @Override
  void decide(DelegateExecution execution, String runId, CompletionCheck check) {
    fourEyes.actingDecider(check, runId, "member");
    String action = check.oneOf(AWARD_ACTION.name(), List.of(APPROVE, CUT, ASK_FINANCE));
    if (CUT.equals(action) || ASK_FINANCE.equals(action)) {
      check.text(AWARD_REASON.name(), ValidateNominationChangeListener.MIN_REASON, ValidateNominationChangeListener.MAX_REASON);
    }
    if (CUT.equals(action)) {
      String handler = check.text(CUT_HANDLER.name(), 1, 64);
      String award = check.text(CUT_AWARD.name(), 1, 30);
      if (handler != null && award != null && !handler.isEmpty() && !award.isEmpty()
          && !awards.hasAward(runId, handler, award, "PROPOSED")) {
        check.problem(CUT_AWARD.name(), Phrase.NO_PROPOSED_AWARD, handler, award);
      }
    }
    if (APPROVE.equals(action) && !awards.withinBudgetOrExcessApproved(runId)) {
      check.problem(AWARD_ACTION.name(), Phrase.AWARDS_OVER_BUDGET);
    }
    check.refuseIfInvalid(Phrase.REFUSED_AWARD_DECISION);
    EarlierModels.recordWithoutStep(execution, EmployeeAwardProcess.TASK_RECORD_AWARD_DECISION, record::execute);
  }
}
