package com.redress.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Hooked into the engine's history pipeline next to its own database handler (the Camunda
 * starter registers a HistoryEventHandler bean as an additional handler): every history event
 * of level FULL, for every process present and future, becomes an audit event in the same
 * transaction. No delegate needs to know about it.
 */
@Component
class AuditHistoryEventHandler implements HistoryEventHandler {

  private final AuditTrail trail;

  AuditHistoryEventHandler(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    Map<String, Object> details = new LinkedHashMap<>();
    String type;
    String activityId = null;
    String processInstanceId = event.getProcessInstanceId();
    String rootProcessInstanceId = event.getRootProcessInstanceId();
    String actor = trail.currentUser();
    if (event instanceof HistoricProcessInstanceEventEntity e) {
      type = "process-" + e.getEventType();
      put(details, "processDefinitionKey", e.getProcessDefinitionKey());
      put(details, "processDefinitionVersion", e.getProcessDefinitionVersion());
      put(details, "businessKey", e.getBusinessKey());
      put(details, "state", e.getState());
      put(details, "startUserId", e.getStartUserId());
      put(details, "deleteReason", e.getDeleteReason());
      activityId = e.getEndActivityId() != null ? e.getEndActivityId() : e.getStartActivityId();
    } else if (event instanceof HistoricActivityInstanceEventEntity e) {
      type = "activity-" + e.getEventType();
      activityId = e.getActivityId();
      put(details, "activityName", e.getActivityName());
      put(details, "activityType", e.getActivityType());
      put(details, "activityInstanceId", e.getActivityInstanceId());
      put(details, "calledProcessInstanceId", e.getCalledProcessInstanceId());
    } else if (event instanceof HistoricTaskInstanceEventEntity e) {
      type = "task-" + e.getEventType();
      activityId = e.getTaskDefinitionKey();
      put(details, "taskId", e.getTaskId());
      put(details, "taskName", e.getName());
      put(details, "assignee", e.getAssignee());
      put(details, "owner", e.getOwner());
      put(details, "dueDate", e.getDueDate() == null ? null : e.getDueDate().toInstant().toString());
      put(details, "priority", e.getPriority());
      put(details, "deleteReason", e.getDeleteReason());
    } else if (event instanceof HistoricVariableUpdateEventEntity e) {
      type = "variable-" + e.getEventType();
      put(details, "activityInstanceId", e.getActivityInstanceId());
      put(details, "variableName", e.getVariableName());
      put(details, "variableInstanceId", e.getVariableInstanceId());
      put(details, "valueType", e.getSerializerName());
      put(details, "value", value(e));
      put(details, "taskId", e.getTaskId());
      put(details, "revision", e.getRevision());
    } else if (event instanceof HistoricDecisionEvaluationEvent e) {
      type = "decision-evaluate";
      HistoricDecisionInstanceEntity decision = e.getRootHistoricDecisionInstance();
      activityId = decision.getActivityId();
      // the evaluation event itself carries no process instance; its decision instance does
      processInstanceId = decision.getProcessInstanceId();
      rootProcessInstanceId = decision.getRootProcessInstanceId();
      put(details, "decisionKey", decision.getDecisionDefinitionKey());
      put(details, "decisionName", decision.getDecisionDefinitionName());
      put(details, "decisionDefinitionId", decision.getDecisionDefinitionId());
      put(details, "decisionVersion", Context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedDecisionDefinitionById(decision.getDecisionDefinitionId()).getVersion());
      Map<String, Object> inputs = new LinkedHashMap<>();
      for (HistoricDecisionInputInstance input : decision.getInputs()) {
        inputs.put(input.getClauseName() != null ? input.getClauseName() : input.getClauseId(), plain(input.getValue()));
      }
      Map<String, Object> outputs = new LinkedHashMap<>();
      for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
        outputs.put(output.getVariableName(), plain(output.getValue()));
        put(details, "matchedRule", output.getRuleId());
      }
      details.put("inputs", inputs);
      details.put("outputs", outputs);
    } else if (event instanceof HistoricIncidentEventEntity e) {
      type = "incident-" + e.getEventType();
      activityId = e.getActivityId();
      put(details, "incidentType", e.getIncidentType());
      put(details, "message", e.getIncidentMessage());
      put(details, "configuration", e.getConfiguration());
    } else if (event instanceof UserOperationLogEntryEventEntity e) {
      type = "user-operation";
      actor = e.getUserId();
      put(details, "operationType", e.getOperationType());
      put(details, "entityType", e.getEntityType());
      put(details, "category", e.getCategory());
      put(details, "property", e.getProperty());
      put(details, "orgValue", e.getOrgValue());
      put(details, "newValue", e.getNewValue());
      put(details, "taskId", e.getTaskId());
      put(details, "operationId", e.getOperationId());
    } else if (event instanceof HistoricIdentityLinkLogEventEntity e) {
      type = "identity-link-" + e.getOperationType();
      put(details, "linkType", e.getType());
      put(details, "userId", e.getUserId());
      put(details, "groupId", e.getGroupId());
      put(details, "taskId", e.getTaskId());
      put(details, "assignerId", e.getAssignerId());
    } else if (event instanceof HistoricJobLogEvent e) {
      type = "job-" + (e.isCreationLog() ? "create" : e.isFailureLog() ? "failure"
          : e.isSuccessLog() ? "success" : "delete");
      activityId = e.getActivityId();
      put(details, "jobId", e.getJobId());
      put(details, "jobDefinitionType", e.getJobDefinitionType());
      put(details, "retries", e.getJobRetries());
      put(details, "exceptionMessage", e.getJobExceptionMessage());
    } else {
      type = event.getClass().getSimpleName() + (event.getEventType() == null ? "" : "-" + event.getEventType());
    }
    put(details, "processDefinitionKey", event.getProcessDefinitionKey());
    trail.record(new AuditEvent(null, rootProcessInstanceId, now(), AuditEvent.Source.ENGINE, type, actor,
        processInstanceId, activityId, details));
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** A variable's value as the engine stored it: text, number, or the JSON of an object value. */
  private static Object value(HistoricVariableUpdateEventEntity e) {
    if (e.getTextValue() != null) {
      return e.getTextValue();
    }
    if (e.getLongValue() != null) {
      return e.getLongValue();
    }
    if (e.getDoubleValue() != null) {
      return e.getDoubleValue();
    }
    if (e.getByteValue() != null) {
      return new String(e.getByteValue(), StandardCharsets.UTF_8);
    }
    return null;
  }

  private static Object plain(Object value) {
    return value == null || value instanceof Number || value instanceof Boolean ? value : value.toString();
  }

  private static void put(Map<String, Object> details, String key, Object value) {
    if (value != null) {
      details.putIfAbsent(key, value);
    }
  }
}
