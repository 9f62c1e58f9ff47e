package com.redress.notification;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The send steps of models deployed before messages had their own delivery (ComplaintHandling up
 * to 1.3.x, EmployeeAward up to 1.0.x), still reached by instances running on them: each message
 * the case has not sent yet and that has no delivery running (it was queued before the upgrade)
 * gets one. Remove once no instance of those versions runs.
 */
@Component("sendNotificationsDelegate")
class EarlierSendStepDelegate implements JavaDelegate {

  private final OutboxRepository outbox;
  private final MessageRelay relay;

  EarlierSendStepDelegate(OutboxRepository outbox, MessageRelay relay) {
    this.outbox = outbox;
    this.relay = relay;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseKey = execution.getProcessBusinessKey();
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    String[] deliveries = runtime.createProcessInstanceQuery().processDefinitionKey(MessageDeliveryProcess.KEY)
        .processInstanceBusinessKey(caseKey).unlimitedList().stream().map(ProcessInstance::getId)
        .toArray(String[]::new);
    Set<Long> delivering = deliveries.length == 0 ? Set.of() : runtime.createVariableInstanceQuery()
        .variableName(MessageDeliveryProcess.MESSAGE_ID.name()).processInstanceIdIn(deliveries).unlimitedList()
        .stream().map(v -> ((Number) v.getValue()).longValue()).collect(Collectors.toSet());
    outbox.pendingOf(caseKey).stream().filter(id -> !delivering.contains(id))
        .forEach(id -> relay.deliverLater(caseKey, id));
  }
}
