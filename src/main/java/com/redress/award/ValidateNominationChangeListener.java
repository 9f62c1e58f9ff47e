package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.NOMINATION_ACTION;
import static com.redress.award.EmployeeAwardProcess.NOMINATION_KIND;
import static com.redress.award.EmployeeAwardProcess.NOMINATION_REASON;
import static com.redress.award.EmployeeAwardProcess.NOMINEE;

import com.redress.shared.CompletionCheck;
import com.redress.shared.EarlierModels;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of Task_ReviewNominations: checks one change (remove a nominee, add an innovation
 * nomination, both with a reason) or the confirmation of the list. A manager never nominates or
 * removes themselves. A refused completion changes nothing; Task_RecordNominationChange applies an
 * accepted one.
 */
@Component
class ValidateNominationChangeListener implements ExecutionListener {

  static final String CONFIRM = "CONFIRM";
  static final String REMOVE = "REMOVE";
  static final String ADD_INNOVATION = "ADD_INNOVATION";
  static final int MIN_REASON = 10;
  static final int MAX_REASON = 2000;

  private final AwardService awards;
  private final RecordNominationChangeDelegate record;

  ValidateNominationChangeListener(AwardService awards, RecordNominationChangeDelegate record) {
    this.awards = awards;
    this.record = record;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!CompletionCheck.isCompletion(execution)) {
      return;
    }
    // the run is the process's business key: a variable sent with the completion could name another run
    String runId = execution.getProcessBusinessKey();
    CompletionCheck check = new CompletionCheck(execution);
    String manager = check.actingUser();
    String action = check.oneOf(NOMINATION_ACTION.name(), List.of(CONFIRM, REMOVE, ADD_INNOVATION));
    Nomination.Kind kind = Nomination.Kind.SCORE;
    if (CONFIRM.equals(action) && manager != null && awards.isNominated(runId, manager)) {
      check.problem("manager", manager + " is nominated in this run and cannot confirm its nominations "
          + "(four-eyes principle): another manager must");
    }
    if (REMOVE.equals(action) || ADD_INNOVATION.equals(action)) {
      String nominee = check.text(NOMINEE.name(), 1, 64);
      check.text(NOMINATION_REASON.name(), MIN_REASON, MAX_REASON);
      if (REMOVE.equals(action) && NOMINATION_KIND.get(execution) != null) {
        kind = check.enumValue(NOMINATION_KIND.name(), Nomination.Kind.class);
      }
      if (manager == null) {
        check.problem("manager", "is unknown: claim the task or complete it as a signed-in user");
      } else if (manager.equals(nominee)) {
        check.problem(NOMINEE.name(), manager + " cannot " + (REMOVE.equals(action) ? "remove" : "nominate")
            + " themselves (four-eyes principle): another manager must");
      } else if (nominee != null && !nominee.isEmpty() && ADD_INNOVATION.equals(action)) {
        if (!awards.handledInPeriod(runId, nominee)) {
          check.problem(NOMINEE.name(), nominee + " handled no complaint closed in this period");
        } else if (awards.nominatedForInnovation(runId, nominee)) {
          check.problem(NOMINEE.name(), nominee + " is nominated for innovation already");
        }
      } else if (REMOVE.equals(action) && nominee != null && !nominee.isEmpty() && kind != null
          && !awards.hasNomination(runId, nominee, kind)) {
        check.problem(NOMINEE.name(), nominee + " has no " + kind + " nomination to remove");
      }
    }
    check.refuseIfInvalid("Nomination change refused");
    EarlierModels.recordWithoutStep(execution, EmployeeAwardProcess.TASK_RECORD_NOMINATION_CHANGE, record::execute);
  }
}
