package com.redress.identity;

import com.redress.audit.AuditTrail;
import com.redress.language.Wording;
import com.redress.shared.StaffRefusals;
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
 * rolls back, so the refusal is written to the case's audit chain in a transaction of its own:
 * in English, with the phrase and its arguments, so that the audit story can tell it in the
 * installation's language as Tasklist did.
 */
@Component
class FourEyesRefusals {

  static final String AUDIT_TYPE = "four-eyes-refused";
  private static final Logger LOG = LoggerFactory.getLogger(FourEyesRefusals.class);

  /** What the refused user tried, as recorded (the audit story tells each in words of its own). */
  static final String ATTEMPT_WORK = "work on the task";
  static final String ATTEMPT_BE_GIVEN = "be given the task";

  private final ObjectProvider<FourEyesRule> rules;
  private final AuditTrail audit;
  private final StaffRefusals said;

  FourEyesRefusals(ObjectProvider<FourEyesRule> rules, AuditTrail audit, StaffRefusals said) {
    this.rules = rules;
    this.audit = audit;
    this.said = said;
  }

  /**
   * Why {@code user} may not work on {@code task} (recorded), in the installation's language as
   * Tasklist shows it, or empty when they may.
   */
  Optional<String> refusal(DelegateTask task, String user, String attempt) {
    if (user == null) {
      return Optional.empty();
    }
    Optional<Wording> refusal = rules.orderedStream()
        .filter(rule -> rule.taskDefinitionKeys().contains(task.getTaskDefinitionKey()))
        .map(rule -> rule.refusal(task, user)).filter(Objects::nonNull).findFirst();
    refusal.ifPresent(reason -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("user", user);
      details.put("attempt", attempt);
      details.put("task", task.getTaskDefinitionKey());
      details.put("taskName", task.getName());
      details.put("reason", reason.english());
      details.put("reasonPhrase", reason.phrase().name());
      details.put("reasonArguments", reason.arguments());
      String chain = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
      LOG.info("Four-eyes refused {} to {} '{}' of {}: {}", user, attempt, task.getName(), chain, reason.english());
      audit.recordRefusal(chain, chain == null ? task.getProcessInstanceId() : null, AUDIT_TYPE, details);
    });
    return refusal.map(said::say);
  }
}
