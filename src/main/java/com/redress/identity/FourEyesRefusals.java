package com.redress.identity;

import com.redress.audit.AuditTrail;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Applies the {@link FourEyesRule}s and keeps every refusal as evidence: the refused command
 * rolls back, so the refusal is written to the case's audit chain in a transaction of its own.
 */
@Component
class FourEyesRefusals {

  static final String AUDIT_TYPE = "four-eyes-refused";
  private static final Logger LOG = LoggerFactory.getLogger(FourEyesRefusals.class);

  private final ObjectProvider<FourEyesRule> rules;
  private final AuditTrail audit;

  FourEyesRefusals(ObjectProvider<FourEyesRule> rules, AuditTrail audit) {
    this.rules = rules;
    this.audit = audit;
  }

  /** Why {@code user} may not work on {@code task} (recorded), or empty when they may. */
  Optional<String> refusal(DelegateTask task, String user, String attempt) {
    if (user == null) {
      return Optional.empty();
    }
    Optional<String> refusal = rules.orderedStream()
        .filter(rule -> rule.taskDefinitionKeys().contains(task.getTaskDefinitionKey()))
        .map(rule -> rule.refusal(task, user)).filter(Objects::nonNull).findFirst();
    refusal.ifPresent(reason -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("user", user);
      details.put("attempt", attempt);
      details.put("task", task.getTaskDefinitionKey());
      details.put("taskName", task.getName());
      details.put("reason", reason);
      String chain = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
      LOG.info("Four-eyes refused {} to {} '{}' of {}: {}", user, attempt, task.getName(), chain, reason);
      audit.recordRefusal(chain, chain == null ? task.getProcessInstanceId() : null, AUDIT_TYPE, details);
    });
    return refusal;
  }
}
