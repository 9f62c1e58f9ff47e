package com.redress.shared;

import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Instances still running on a model deployed before decisions were recorded by steps of their
 * own (issue 17): their user task has no record step after it, so its end listener records the
 * decision as it used to. Remove once no instance of those versions runs (migrate them, issue 23).
 */
public final class EarlierModels {

  private EarlierModels() {
  }

  /** A decision task's end listener: records with {@code record} when the model has no step {@code recordStepId}. */
  public static void recordWithoutStep(DelegateExecution execution, String recordStepId,
      Consumer<DelegateExecution> record) {
    if (recordInListener(execution, recordStepId)) {
      record.accept(execution);
    }
  }

  /** True when this execution's model has no step {@code recordStepId}: record in the listener. */
  public static boolean recordInListener(DelegateExecution execution, String recordStepId) {
    return execution.getBpmnModelInstance().getModelElementById(recordStepId) == null;
  }
}
