package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.NOMINATION_ACTION;
import static com.redress.award.EmployeeAwardProcess.NOMINATION_KIND;
import static com.redress.award.EmployeeAwardProcess.NOMINATION_REASON;
import static com.redress.award.EmployeeAwardProcess.NOMINEE;

import com.redress.language.Phrase;
import com.redress.shared.CompletionCheck;
import com.redress.shared.CompletionChecks;
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
  private final CompletionChecks checks;

  ValidateNominationChangeListener(AwardService awards, RecordNominationChangeDelegate record,
      CompletionChecks checks) {
    this.awards = awards;
    this.record = record;
    this.checks = checks;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!CompletionCheck.isCompletion(execution)) {
      return;
    }
    // the run is the process's business key: a variable sent with the completion could name another run
    String runId = execution.getProcessBusinessKey();
    CompletionCheck check = checks.of(execution);
    String manager = check.actingUser();
    String action = check.oneOf(NOMINATION_ACTION.name(), List.of(CONFIRM, REMOVE, ADD_INNOVATION));
    Nomination.Kind kind = Nomination.Kind.SCORE;
    if (CONFIRM.equals(action) && manager != null && awards.isNominated(runId, manager)) {
      check.problem("manager", Phrase.FOUR_EYES_CONFIRM_OWN_RUN, manager);
    }
    if (REMOVE.equals(action) || ADD_INNOVATION.equals(action)) {
      String nominee = check.text(NOMINEE.name(), 1, 64);
      check.text(NOMINATION_REASON.name(), MIN_REASON, MAX_REASON);
      if (REMOVE.equals(action) && NOMINATION_KIND.get(execution) != null) {
        kind = check.enumValue(NOMINATION_KIND.name(), Nomination.Kind.class);
      }
      if (manager == null) {
        check.problem("manager", Phrase.USER_UNKNOWN);
      } else if (manager.equals(nominee)) {
        check.problem(NOMINEE.name(),
            REMOVE.equals(action) ? Phrase.FOUR_EYES_REMOVE_SELF : Phrase.FOUR_EYES_NOMINATE_SELF, manager);
      } else if (nominee != null && !nominee.isEmpty() && ADD_INNOVATION.equals(action)) {
        if (!awards.handledInPeriod(runId, nominee)) {
          check.problem(NOMINEE.name(), Phrase.NOMINEE_HANDLED_NONE, nominee);
        } else if (awards.nominatedForInnovation(runId, nominee)) {
          check.problem(NOMINEE.name(), Phrase.NOMINEE_ALREADY_INNOVATION, nominee);
        }
      } else if (REMOVE.equals(action) && nominee != null && !nominee.isEmpty() && kind != null
          && !awards.hasNomination(runId, nominee, kind)) {
        check.problem(NOMINEE.name(), Phrase.NOMINEE_NO_SUCH_NOMINATION, nominee, kind);
      }
    }
    check.refuseIfInvalid(Phrase.REFUSED_NOMINATION_CHANGE);
    EarlierModels.recordWithoutStep(execution, EmployeeAwardProcess.TASK_RECORD_NOMINATION_CHANGE, record::execute);
  }
}
