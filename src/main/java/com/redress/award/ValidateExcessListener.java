package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.EXCESS_DECISION;
import static com.redress.award.EmployeeAwardProcess.EXCESS_REASON;

import com.redress.shared.CompletionCheck;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** End of Task_ApproveAwardExcess: finance approves or refuses the cash above budget, with a reason. */
@Component
class ValidateExcessListener extends AwardDecisionListener {

  private final AwardService awards;
  private final AwardFourEyes fourEyes;

  ValidateExcessListener(AwardService awards, AwardFourEyes fourEyes) {
    this.awards = awards;
    this.fourEyes = fourEyes;
  }

  @Override
  void decide(DelegateExecution execution, String runId, CompletionCheck check) {
    String user = fourEyes.actingDecider(check, runId, "finance");
    String decision = check.oneOf(EXCESS_DECISION.name(), List.of("APPROVE", "REFUSE"));
    String reason = check.text(EXCESS_REASON.name(), ReviewNominationsListener.MIN_REASON,
        ReviewNominationsListener.MAX_REASON);
    check.refuseIfInvalid("Decision on the excess refused");
    awards.decideExcess(runId, "APPROVE".equals(decision), reason, user);
    EXCESS_DECISION.set(execution, null);
    EXCESS_REASON.set(execution, null);
  }
}
