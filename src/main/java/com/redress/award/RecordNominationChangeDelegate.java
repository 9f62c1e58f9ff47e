package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.NOMINATION_ACTION;
import static com.redress.award.EmployeeAwardProcess.NOMINATION_KIND;
import static com.redress.award.EmployeeAwardProcess.NOMINATION_REASON;
import static com.redress.award.EmployeeAwardProcess.NOMINEE;
import static com.redress.award.EmployeeAwardProcess.REVIEW_CONFIRMED;
import static com.redress.award.EmployeeAwardProcess.TASK_REVIEW_NOMINATIONS;

import com.redress.shared.CompletionCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordNominationChange, right after Task_ReviewNominations in its transaction: applies the
 * change its end listener accepted, tells the gateway whether the review is over
 * (reviewConfirmed), and empties the form for the next round.
 */
@Component
class RecordNominationChangeDelegate implements JavaDelegate {

  private final AwardService awards;

  RecordNominationChangeDelegate(AwardService awards) {
    this.awards = awards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String runId = execution.getProcessBusinessKey();
    String manager = CompletionCheck.actingUser(execution, TASK_REVIEW_NOMINATIONS);
    String action = NOMINATION_ACTION.require(execution);
    switch (action) {
      case ValidateNominationChangeListener.REMOVE -> awards.removeNomination(runId, NOMINEE.require(execution).strip(),
          NOMINATION_KIND.get(execution) == null ? Nomination.Kind.SCORE
              : Nomination.Kind.valueOf(NOMINATION_KIND.get(execution)),
          NOMINATION_REASON.require(execution).strip(), manager);
      case ValidateNominationChangeListener.ADD_INNOVATION -> awards.addInnovationNomination(runId,
          NOMINEE.require(execution).strip(), NOMINATION_REASON.require(execution).strip(), manager);
      default -> awards.confirmNominations(runId, manager);
    }
    REVIEW_CONFIRMED.set(execution, ValidateNominationChangeListener.CONFIRM.equals(action));
    NOMINATION_ACTION.set(execution, null);
    NOMINEE.set(execution, null);
    NOMINATION_KIND.set(execution, null);
    NOMINATION_REASON.set(execution, null);
  }
}
