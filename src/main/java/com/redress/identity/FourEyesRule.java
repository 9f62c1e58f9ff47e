package com.redress.identity;

import com.redress.language.Wording;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The four-eyes rule of some user tasks: who may not decide them. Applied (and each refusal
 * recorded) by {@link FourEyesRefusals}: {@link FourEyesGuard} keeps them from working on the
 * task, {@link FourEyesAssignmentListener} from being given it, and each task's completion check
 * from completing it without signing in.
 */
public interface FourEyesRule {

  /** Ids of the user tasks this rule guards. */
  Set<String> taskDefinitionKeys();

  /** Why {@code user} may not decide {@code task}, or null when they may. */
  Wording refusal(DelegateTask task, String user);
}
