package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.EXCESS_DECISION;
import static com.redress.award.EmployeeAwardProcess.EXCESS_REASON;

import com.redress.language.Phrase;
import com.redress.shared.CompletionCheck;
import com.redress.shared.CompletionChecks;
import com.redress.shared.EarlierModels;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End of Task_ApproveAwardExcess: checks that finance approves or refuses the cash above budget,
 * with a reason. Task_RecordExcessDecision records an accepted decision.
 */
@Component
class ValidateExcessListener extends AwardDecisionListener {

  static final String APPROVE = "APPROVE";
  static final String REFUSE = "REFUSE";

  private final AwardFourEyes fourEyes;
  private final RecordExcessDecisionDelegate record;

  ValidateExcessListener(AwardFourEyes fourEyes, RecordExcessDecisionDelegate record, CompletionChecks checks) {
    super(checks);
    this.fourEyes = fourEyes;
    this.record = record;
  }

  @Override
  void decide(DelegateExecution execution, String runId, CompletionCheck check) {
    fourEyes.actingDecider(check, runId, "finance");
    check.oneOf(EXCESS_DECISION.name(), List.of(APPROVE, REFUSE));
    check.text(EXCESS_REASON.name(), ValidateNominationChangeListener.MIN_REASON, ValidateNominationChangeListener.MAX_REASON);
    check.refuseIfInvalid(Phrase.REFUSED_EXCESS_DECISION);
    EarlierModels.recordWithoutStep(execution, EmployeeAwardProcess.TASK_RECORD_EXCESS_DECISION, record::execute);
  }
}
