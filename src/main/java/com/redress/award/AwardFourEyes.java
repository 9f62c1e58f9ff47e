package com.redress.award;

import com.redress.identity.FourEyesRule;
import com.redress.language.Phrase;
import com.redress.language.Wording;
import com.redress.shared.CompletionCheck;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Four-eyes of the award decisions: a nominee of the run decides nothing about it. */
@Component
class AwardFourEyes implements FourEyesRule {

  private final AwardService awards;

  AwardFourEyes(AwardService awards) {
    this.awards = awards;
  }

  @Override
  public Set<String> taskDefinitionKeys() {
    return Set.of(EmployeeAwardProcess.TASK_APPROVE_AWARDS, EmployeeAwardProcess.TASK_APPROVE_EXCESS,
        EmployeeAwardProcess.TASK_DECIDE_OBJECTION);
  }

  @Override
  public Wording refusal(DelegateTask task, String user) {
    return refusal(task.getExecution().getProcessBusinessKey(), user);
  }

  /**
   * Who completes a decision task on run {@code runId}; an unknown user or a nominee is reported
   * to {@code check} under {@code field}.
   */
  String actingDecider(CompletionCheck check, String runId, String field) {
    String user = check.actingUser();
    Wording refusal = refusal(runId, user);
    if (user == null) {
      check.problem(field, Phrase.USER_UNKNOWN);
    } else if (refusal != null) {
      check.problem(field, refusal);
    }
    return user;
  }

  /** Why {@code user} may not decide on run {@code runId}, or null when they may. */
  Wording refusal(String runId, String user) {
    return user != null && awards.isNominated(runId, user)
        ? Phrase.FOUR_EYES_AWARD_NOMINEE.with(user, runId)
        : null;
  }
}
