package com.redress.shared;

import com.redress.language.InstallationLanguage;
import com.redress.language.Phrases;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link CompletionCheck} of a task's completion, whose refusal is said in the
 * installation's language ({@code redress.language}): staff read it in Tasklist.
 */
@Component
public class CompletionChecks {

  private final Phrases phrases;
  private final Locale locale;

  public CompletionChecks(Phrases phrases, InstallationLanguage language) {
    this.phrases = phrases;
    this.locale = language.get().locale();
  }

  /** A check of the task that {@code execution} is completing. */
  public CompletionCheck of(DelegateExecution execution) {
    return new CompletionCheck(execution, phrases, locale);
  }
}
