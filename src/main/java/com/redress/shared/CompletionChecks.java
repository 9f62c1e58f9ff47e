package com.redress.shared;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link CompletionCheck} of a task's completion, whose refusal is said in the
 * installation's language ({@code redress.language}): staff read it in Tasklist.
 */
@Component
public class CompletionChecks {

  private final StaffRefusals refusals;

  public CompletionChecks(StaffRefusals refusals) {
    this.refusals = refusals;
  }

  /** A check of the task that {@code execution} is completing. */
  public CompletionCheck of(DelegateExecution execution) {
    return new CompletionCheck(execution, refusals);
  }
}
