package com.redress.complaint;

import com.redress.audit.AuditTrail;
import com.redress.audit.AuditTrail.PersonalDataRead;
import com.redress.identity.AsRedress;
import com.redress.identity.EngineVariableReads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Component;

/**
 * Reads of a customer's personal data through the engine (Tasklist's forms, Cockpit, engine REST):
 * each complaint whose personal variables an answer showed goes to its customer's access log, with
 * the variables shown, as the Redress API's reads do (docs/security.md §3).
 */
@Component
class EngineVariableReadLog implements EngineVariableReads {

  /** The variables that are a customer's personal data (the start form's contact details only in older databases). */
  private static final Set<String> PERSONAL = Set.of(ComplaintHandlingProcess.CUSTOMER_NAME.name(),
      ComplaintHandlingProcess.SUBJECT.name(), ComplaintHandlingProcess.DESCRIPTION.name(),
      ComplaintHandlingProcess.CONVERSATION.name(), ComplaintHandlingProcess.CUSTOMER_ANSWER.name(),
      ComplaintHandlingProcess.QUESTION_AND_ANSWER.name(), StartForm.CUSTOMER_EMAIL, StartForm.CUSTOMER_PHONE);

  private final HistoryService history;
  private final RuntimeService runtime;
  private final AsRedress asRedress;
  private final ComplaintRepository complaints;
  private final AuditTrail audit;

  EngineVariableReadLog(HistoryService history, RuntimeService runtime, AsRedress asRedress,
      ComplaintRepository complaints, AuditTrail audit) {
    this.history = history;
    this.runtime = runtime;
    this.asRedress = asRedress;
    this.complaints = complaints;
    this.audit = audit;
  }

  @Override
  public boolean personal(String variableName) {
    return PERSONAL.contains(variableName);
  }

  @Override
  public void answered(String userId, String endpoint, List<Seen> variables) {
    // which personal variables of which process instance; each owner and instance looked up once
    Map<String, Set<String>> shownByOwner = new TreeMap<>();
    Map<String, Seen> owners = new HashMap<>();
    for (Seen variable : variables) {
      if (PERSONAL.contains(variable.name())) {
        String owner = variable.processInstanceId() != null ? "p:" + variable.processInstanceId()
            : variable.taskId() != null ? "t:" + variable.taskId() : "e:" + variable.executionId();
        shownByOwner.computeIfAbsent(owner, o -> new TreeSet<>()).add(variable.name());
        owners.putIfAbsent(owner, variable);
      }
    }
    if (shownByOwner.isEmpty()) {
      return;
    }
    // the caller may not query the history the answer came from
    Map<String, Set<String>> shownByComplaint = asRedress.call(() -> {
      Map<String, Set<String>> byInstance = new HashMap<>();
      shownByOwner.forEach((owner, names) -> processInstanceOf(owners.get(owner)).ifPresent(instance ->
          byInstance.computeIfAbsent(instance, i -> new TreeSet<>()).addAll(names)));
      Map<String, Set<String>> byComplaint = new TreeMap<>();
      if (!byInstance.isEmpty()) {
        history.createHistoricProcessInstanceQuery().processInstanceIds(byInstance.keySet()).unlimitedList().stream()
            .filter(process -> process.getBusinessKey() != null)
            .forEach(process -> byComplaint.computeIfAbsent(process.getBusinessKey(), k -> new TreeSet<>())
                .addAll(byInstance.get(process.getId())));
      }
      return byComplaint;
    });
    List<PersonalDataRead> reads = new ArrayList<>();
    shownByComplaint.forEach((reference, names) -> complaints.find(reference).ifPresent(complaint ->
        reads.add(new PersonalDataRead(complaint.customer().id(), reference, "variables " + String.join(", ", names)))));
    audit.recordReads(userId, endpoint, reads);
  }

  private Optional<String> processInstanceOf(Seen variable) {
    if (variable.processInstanceId() != null) {
      return Optional.of(variable.processInstanceId());
    }
    if (variable.taskId() != null) {
      return Optional.ofNullable(history.createHistoricTaskInstanceQuery().taskId(variable.taskId()).singleResult())
          .map(HistoricTaskInstance::getProcessInstanceId);
    }
    return Optional.ofNullable(variable.executionId() == null ? null
            : runtime.createExecutionQuery().executionId(variable.executionId()).singleResult())
        .map(Execution::getProcessInstanceId);
  }
}
