package com.redress.notification;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts a MessageDelivery instance for a queued message, in the queuing step's transaction: the
 * message and its delivery job commit or roll back with the step. Messages are queued by Redress's
 * steps, which the engine runs without the signed-in user's authorizations and outside the user
 * operation log, so the start is Redress's work, not the user's.
 */
@Component
class MessageRelay {

  // looked up on first use: queuing happens in steps of the engine that is still being built
  private final ObjectProvider<RuntimeService> runtime;

  MessageRelay(ObjectProvider<RuntimeService> runtime) {
    this.runtime = runtime;
  }

  void deliverLater(String caseKey, long messageId) {
    runtime.getObject().createProcessInstanceByKey(MessageDeliveryProcess.KEY).businessKey(caseKey)
        .setVariable(MessageDeliveryProcess.MESSAGE_ID.name(), messageId).execute();
  }
}
