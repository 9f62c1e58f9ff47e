package com.redress.support;

import com.redress.complaint.ComplaintHandlingProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/** Drives the engine's jobs explicitly: tests run without the background job executor. */
public final class Jobs {

  private Jobs() {
  }

  /** Runs the save point after registration: classification, acknowledgement, handling task. */
  public static void continueAfterRegistration(ProcessEngine engine, String reference) {
    String instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).singleResult().getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance)
        .activityId(ComplaintHandlingProcess.TASK_REGISTER).singleResult();
    engine.getManagementService().executeJob(job.getId());
  }
}
