package com.redress.audit;

import com.redress.shared.AppClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Takes from the engine's history pipeline (the Camunda starter registers a HistoryEventHandler
 * bean next to its own database handler) the events that mean something to an auditor: rule
 * decisions with their inputs, version and matched rules; every user operation (claim, assign,
 * set variable, cancel, migrate, deploy…) by whom; incidents raised and resolved; and cases that
 * were ended without finishing. Activity, task, variable, job and identity-link events are not
 * copied: they stay in Camunda's history, where Cockpit reads them (ADR 0013).
 */
@Component
class AuditHistoryEventHandler implements HistoryEventHandler {

  static final String RULE_DECISION = "rule-decision";
  static final String USER_OPERATION = "user-operation";
  static final String INCIDENT_PREFIX = "incident-";
  static final String CASE_TERMINATED = "case-terminated";

  private static final Set<String> INCIDENT_EVENTS = Set.of(HistoryEventTypes.INCIDENT_CREATE.getEventName(),
      HistoryEventTypes.INCIDENT_RESOLVE.getEventName(), HistoryEventTypes.INCIDENT_DELETE.getEventName());

  private final AuditTrail trail;
  private final AppClock clock;

  AuditHistoryEventHandler(AuditTrail trail, AppClock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricDecisionEvaluationEvent e) {
      decision(e.getRootHistoricDecisionInstance());
    } else if (event instanceof UserOperationLogEntryEventEntity e) {
      userOperation(e);
    } else if (event instanceof HistoricIncidentEventEntity e && INCIDENT_EVENTS.contains(e.getEventType())) {
      Map<String, Object> details = new LinkedHashMap<>();
      put(details, "incidentType", e.getIncidentType());
      put(details, "message", e.getIncidentMessage());
      put(details, "processDefinitionKey", e.getProcessDefinitionKey());
      record(event, INCIDENT_PREFIX + e.getEventType(), trail.currentUser(), e.getActivityId(), details);
    } else if (event instanceof HistoricProcessInstanceEventEntity e && terminated(e)) {
      Map<String, Object> details = new LinkedHashMap<>();
      put(details, "processDefinitionKey", e.getProcessDefinitionKey());
      put(details, "state", e.getState());
      put(details, "reason", e.getDeleteReason());
      record(event, CASE_TERMINATED, trail.currentUser(), e.getEndActivityId(), details);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  /** One row per evaluation: which rules, in which deployed version, decided what from which inputs. */
  private void decision(HistoricDecisionInstanceEntity decision) {
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "decisionKey", decision.getDecisionDefinitionKey());
    put(details, "decisionName", decision.getDecisionDefinitionName());
    put(details, "decisionVersion", Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedDecisionDefinitionById(decision.getDecisionDefinitionId()).getVersion());
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (HistoricDecisionInputInstance input : decision.getInputs()) {
      inputs.put(input.getClauseName() != null ? input.getClauseName() : input.getClauseId(), plain(input.getValue()));
    }
    Map<String, Object> outputs = new LinkedHashMap<>();
    Set<String> rules = new LinkedHashSet<>();
    for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
      rules.add(output.getRuleId());
      collect(outputs, output.getVariableName(), plain(output.getValue()));
    }
    details.put("inputs", inputs);
    details.put("outputs", outputs);
    details.put("matchedRules", new ArrayList<>(rules));
    trail.record(new AuditEvent(caseOf(decision.getRootProcessInstanceId()), decision.getRootProcessInstanceId(),
        clock.now(), AuditEvent.Source.ENGINE, RULE_DECISION, trail.currentUser(), decision.getProcessInstanceId(),
        decision.getActivityId(), details));
  }

  private void userOperation(UserOperationLogEntryEventEntity e) {
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "operationType", e.getOperationType());
    put(details, "entityType", e.getEntityType());
    put(details, "property", e.getProperty());
    put(details, "orgValue", e.getOrgValue());
    put(details, "newValue", e.getNewValue());
    put(details, "taskId", e.getTaskId());
    if (e.getTaskId() != null) {
      // the task is in this command's cache (it was just worked on): its name costs no query
      TaskEntity task = Context.getCommandContext().getDbEntityManager().getCachedEntity(TaskEntity.class,
          e.getTaskId());
      put(details, "taskName", task == null ? null : task.getName());
    }
    put(details, "processDefinitionKey", e.getProcessDefinitionKey());
    put(details, "deploymentId", e.getDeploymentId());
    put(details, "operationId", e.getOperationId());
    record(e, USER_OPERATION, e.getUserId(), null, details);
  }

  private void record(HistoryEvent event, String type, String actor, String activityId, Map<String, Object> details) {
    trail.record(new AuditEvent(caseOf(event.getRootProcessInstanceId()), event.getRootProcessInstanceId(), clock.now(),
        AuditEvent.Source.ENGINE, type, actor, event.getProcessInstanceId(), activityId, details));
  }

  /**
   * The case (business key) of a root process instance this command has loaded, else null: the
   * writer then reads it from the history when the transaction commits.
   */
  private static String caseOf(String rootProcessInstanceId) {
    if (rootProcessInstanceId == null || Context.getCommandContext() == null) {
      return null;
    }
    ExecutionEntity root = Context.getCommandContext().getDbEntityManager()
        .getCachedEntity(ExecutionEntity.class, rootProcessInstanceId);
    return root == null ? null : root.getBusinessKey();
  }

  /** Ended by a cancellation, a deletion or an unhandled error rather than at an end event. */
  private static boolean terminated(HistoricProcessInstanceEventEntity e) {
    return HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(e.getEventType())
        && (HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(e.getState())
            || HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(e.getState()));
  }

  /** A COLLECT decision gives one output per matched rule: the values are kept as a list. */
  @SuppressWarnings("unchecked")
  private static void collect(Map<String, Object> outputs, String name, Object value) {
    if (!outputs.containsKey(name)) {
      outputs.put(name, value);
      return;
    }
    Object first = outputs.get(name);
    List<Object> values = first instanceof List<?> list ? (List<Object>) list : new ArrayList<>();
    if (values.isEmpty()) {
      values.add(first);
    }
    values.add(value);
    outputs.put(name, values);
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
