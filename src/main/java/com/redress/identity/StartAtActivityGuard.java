package com.redress.identity;

import com.redress.shared.EngineInterceptors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Only administrators may start a process at an activity of their choice (engine REST
 * {@code start} with {@code startInstructions}, optionally skipping listeners). Intake agents and
 * the award committee need the right to start instances, and the engine grants nothing finer: with
 * it they could otherwise drop a complaint straight onto a team's handling task, past registration,
 * validation and classification, or open an award run past its checks.
 */
@Component
class StartAtActivityGuard extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(StartAtActivityGuard.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineInterceptors.beforeEach(configuration, command -> command instanceof StartProcessInstanceAtActivitiesCmd,
        StartAtActivityGuard::refuseAllButAdministrators);
  }

  private static void refuseAllButAdministrators() {
    Authentication user = Context.getCommandContext().getAuthentication();
    if (user != null && (user.getGroupIds() == null || !user.getGroupIds().contains(Groups.CAMUNDA_ADMIN))) {
      LOG.info("Refused {} starting a process at an activity other than its start event", user.getUserId());
      throw new AuthorizationException(user.getUserId() + " may start a process only at its start event:"
          + " starting at another activity is for administrators");
    }
  }
}
