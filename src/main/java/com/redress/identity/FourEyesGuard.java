package com.redress.identity;

import java.lang.reflect.Proxy;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps a signed-in user whom a task's {@link FourEyesRule} excludes from working on it at all:
 * claim, complete, submit its form, resolve it, or write its variables, through Tasklist, engine
 * REST or the Java API. The engine asks every command checker before these commands; no listener
 * sees a variable write or a resolve, which would otherwise let the proposer put "APPROVE" on
 * their own approval task for a colleague to confirm. Refused as an authorization failure: engine
 * REST answers 403 with the reason. Assigning the task to an excluded user is refused by
 * {@link FourEyesAssignmentListener}; completions without a signed-in user by each task's
 * completion check.
 */
@Component
class FourEyesGuard extends AbstractProcessEnginePlugin {

  /** The checks the engine runs before claim, complete, submit-form, resolve and variable writes of a task. */
  private static final Set<String> TASK_WORK_CHECKS = Set.of("checkTaskWork", "checkUpdateTaskVariable");

  // looked up when a task is worked on: the rules' services need the engine this plugin configures
  private final ObjectProvider<FourEyesRefusals> refusals;

  FourEyesGuard(ObjectProvider<FourEyesRefusals> refusals) {
    this.refusals = refusals;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // after init: the engine fills the list with its authorization and tenant checkers only when empty
    configuration.getCommandCheckers().add(taskWorkChecker());
  }

  /** A checker that acts on the task-work checks only and lets every other check pass. */
  private CommandChecker taskWorkChecker() {
    return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
        new Class<?>[] {CommandChecker.class}, (proxy, method, args) -> switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          case "toString" -> "four-eyes checker";
          default -> {
            if (TASK_WORK_CHECKS.contains(method.getName())) {
              refuseExcludedUser((TaskEntity) args[0]);
            }
            yield null;
          }
        });
  }

  private void refuseExcludedUser(TaskEntity task) {
    Authentication authentication = Context.getCommandContext().getAuthentication();
    if (authentication == null) {
      return; // Redress's own steps
    }
    refusals.getObject().refusal(task, authentication.getUserId(), FourEyesRefusals.ATTEMPT_WORK).ifPresent(refusal -> {
      throw new AuthorizationException(refusal);
    });
  }
}
