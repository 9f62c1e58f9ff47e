package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.AWARD_ACTION;
import static com.redress.award.EmployeeAwardProcess.AWARD_REASON;
import static com.redress.award.EmployeeAwardProcess.AWARD_ROUTE;
import static com.redress.award.EmployeeAwardProcess.CUT_AWARD;
import static com.redress.award.EmployeeAwardProcess.CUT_HANDLER;

import com.redress.shared.CompletionCheck;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End of Task_ApproveAwards: the committee approves (within budget, or with finance's approval of
 * the excess), cuts one award with a reason, or asks finance. A nominee of the run is refused.
 */
@Component
class ValidateAwardDecisionListener extends AwardDecisionListener {

  static final String APPROVE = "APPROVE";
  static final String CUT = "CUT";
  static final String ASK_FINANCE = "ASK_FINANCE";

  private final AwardService awards;
  private final AwardFourEyes fourEyes;

  ValidateAwardDecisionListener(AwardService awards, AwardFourEyes fourEyes) {
    this.awards = awards;
    this.fourEyes = fourEyes;
  }

  @Override
  void decide(DelegateExecution execution, String runId, CompletionCheck check) {
    String member = fourEyes.actingDecider(check, runId, "member");
    String action = check.oneOf(AWARD_ACTION.name(), List.of(APPROVE, CUT, ASK_FINANCE));
    String reason = CUT.equals(action) || ASK_FINANCE.equals(action)
        ? check.text(AWARD_REASON.name(), ReviewNominationsListener.MIN_REASON, ReviewNominationsListener.MAX_REASON)
        : null;
    String handler = CUT.equals(action) ? check.text(CUT_HANDLER.name(), 1, 64) : null;
    String award = CUT.equals(action) ? check.text(CUT_AWARD.name(), 1, 30) : null;
    if (APPROVE.equals(action) && !awards.withinBudgetOrExcessApproved(runId)) {
      check.problem(AWARD_ACTION.name(), "the awards cost more than the period's budget: cut awards or ask finance "
          + "to approve the excess");
    }
    check.refuseIfInvalid("Award decision refused");
    if (CUT.equals(action) && awards.cutAward(runId, handler, award, reason, member).isEmpty()) {
      check.problem(CUT_AWARD.name(), handler + " has no proposed " + award + " award to cut");
      check.refuseIfInvalid("Award decision refused");
    }
    if (APPROVE.equals(action)) {
      awards.approveAwards(runId, member);
    }
    AWARD_ROUTE.set(execution, APPROVE.equals(action) ? "APPROVED" : CUT.equals(action) ? "CHANGED" : "FINANCE");
    AWARD_ACTION.set(execution, null);
    CUT_HANDLER.set(execution, null);
    CUT_AWARD.set(execution, null);
    AWARD_REASON.set(execution, null);
  }
}
