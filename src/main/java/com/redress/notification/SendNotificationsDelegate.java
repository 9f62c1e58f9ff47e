package com.redress.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The asynchronous send steps (Task_SendAcknowledgement, …): drain this complaint's outbox. */
@Component
class SendNotificationsDelegate implements JavaDelegate {

  private final NotificationSender sender;

  SendNotificationsDelegate(NotificationSender sender) {
    this.sender = sender;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sender.sendPending(execution.getProcessBusinessKey());
  }
}
