package com.redress.identity;

import java.util.List;

/**
 * Told of every engine REST answer that shows process variables (Tasklist's forms, Cockpit's
 * variable tables, engine REST clients), with the answer in hand and before it leaves: the reads of
 * customers' personal data among them go to the customers' access logs (docs/security.md §3). Kept
 * as an interface here so that the guard does not depend on the features that know which
 * variables are personal.
 */
public interface EngineVariableReads {

  /** One variable in an answer: its name and the task, execution or process instance it belongs to. */
  record Seen(String name, String taskId, String executionId, String processInstanceId) {
  }

  /** Records the reads among {@code variables}; throws when they cannot be recorded, and the answer is not given. */
  void answered(String userId, String endpoint, List<Seen> variables);

  /** Whether the variable holds a customer's personal data. */
  boolean personal(String variableName);
}
