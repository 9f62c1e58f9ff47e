package com.redress.notification;

import com.redress.shared.ProcessVariable;
import java.util.List;
import java.util.Map;

/** MessageDelivery: one small instance per queued message, outside the case's execution tree. */
public final class MessageDeliveryProcess {

  public static final String KEY = "MessageDelivery";

  public static final String START_EVENT = "Start_MessageQueued";
  public static final String TASK_DELIVER = "Task_DeliverMessage";
  public static final String END_DELIVERED = "End_MessageDelivered";

  /** The notification_outbox row to deliver. */
  public static final ProcessVariable<Long> MESSAGE_ID = ProcessVariable.of("messageId", Long.class);

  /** No user task: no form reads anything. */
  public static final Map<String, List<ProcessVariable<?>>> FORM_FIELDS = Map.of();

  private MessageDeliveryProcess() {
  }
}
