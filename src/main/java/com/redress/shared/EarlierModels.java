package com.redress.shared;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Instances still running on a model deployed before decisions were recorded by steps of their
 * own (issue 17): their user task has no record step after it, so its end listener records the
 * decision as it used to. Remove once no instance of those versions runs (migrate them, issue 23).
 */
public final class EarlierModels {

  private EarlierModels() {
  }

  /** True when this execution's model has no step {@code recordStepId}: record in the listener. */
  public static boolean recordInListener(DelegateExecution execution, String recordStepId) {
    return execution.getBpmnModelInstance().getModelElementById(recordStepId) == null;
  }
}
