package com.redress.identity;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The four-eyes rule of some user tasks: who may not decide them. {@link FourEyesGuard} keeps
 * them from working on the task, {@link FourEyesAssignmentListener} from being given it, and
 * each task's completion check from completing it without signing in.
 */
public interface FourEyesRule {

  /** Ids of the user tasks this rule guards. */
  Set<String> taskDefinitionKeys();

  /** Why {@code user} may not decide {@code task}, or null when they may. */
  String refusal(DelegateTask task, String user);

  /** The refusal of the first rule that guards {@code task} and excludes {@code user}. */
  static Optional<String> refusalOf(ObjectProvider<FourEyesRule> rules, DelegateTask task, String user) {
    if (user == null) {
      return Optional.empty();
    }
    return rules.orderedStream().filter(rule -> rule.taskDefinitionKeys().contains(task.getTaskDefinitionKey()))
        .map(rule -> rule.refusal(task, user)).filter(Objects::nonNull).findFirst();
  }
}
