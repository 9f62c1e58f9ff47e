package com.redress.notification;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts a MessageDelivery instance for a queued message, in the queuing step's transaction: the
 * message and its delivery job commit or roll back with the step. The start is Redress's own
 * work, not the signed-in user's: it needs no permission of theirs and is no operation of theirs
 * in the user operation log (as for code the engine runs in a delegate).
 */
@Component
class MessageRelay {

  // looked up on first use: queuing happens in steps of the engine this configuration builds
  private final ObjectProvider<ProcessEngineConfigurationImpl> engine;
  private final ObjectProvider<RuntimeService> runtime;

  MessageRelay(ObjectProvider<ProcessEngineConfigurationImpl> engine, ObjectProvider<RuntimeService> runtime) {
    this.engine = engine;
    this.runtime = runtime;
  }

  void deliverLater(String caseKey, long messageId) {
    engine.getObject().getCommandExecutorTxRequired().execute(context -> {
      boolean logged = context.isUserOperationLogEnabled();
      context.disableUserOperationLog();
      try {
        return context.runWithoutAuthorization(() -> runtime.getObject()
            .createProcessInstanceByKey(MessageDeliveryProcess.KEY).businessKey(caseKey)
            .setVariable(MessageDeliveryProcess.MESSAGE_ID.name(), messageId).execute());
      } finally {
        if (logged) {
          context.enableUserOperationLog();
        }
      }
    });
  }
}
