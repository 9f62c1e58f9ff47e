package com.redress.identity;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * On claim, assignment or delegation of a four-eyes task: whoever its {@link FourEyesRule}
 * excludes is refused with a plain message (engine REST answers it with 500, see ADR 7).
 */
@Component
class FourEyesAssignmentListener implements TaskListener {

  private final ObjectProvider<FourEyesRule> rules;

  FourEyesAssignmentListener(ObjectProvider<FourEyesRule> rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    FourEyesRule.refusalOf(rules, task, task.getAssignee()).ifPresent(refusal -> {
      throw new ProcessEngineException(refusal);
    });
  }
}
