package com.redress.award;

import com.redress.shared.CompletionCheck;
import com.redress.shared.CompletionChecks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The end of one of the award run's decision tasks: a completion (not a cancellation) is checked
 * against the run the task belongs to, its business key.
 */
abstract class AwardDecisionListener implements ExecutionListener {

  private final CompletionChecks checks;

  AwardDecisionListener(CompletionChecks checks) {
    this.checks = checks;
  }

  @Override
  public final void notify(DelegateExecution execution) {
    if (CompletionCheck.isCompletion(execution)) {
      decide(execution, execution.getProcessBusinessKey(), checks.of(execution));
    }
  }

  abstract void decide(DelegateExecution execution, String runId, CompletionCheck check);
}
