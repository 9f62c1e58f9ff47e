package com.redress.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DeliverMessage: sends one queued message. */
@Component
class DeliverMessageDelegate implements JavaDelegate {

  private final NotificationSender sender;

  DeliverMessageDelegate(NotificationSender sender) {
    this.sender = sender;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sender.deliver(MessageDeliveryProcess.MESSAGE_ID.require(execution));
  }
}
