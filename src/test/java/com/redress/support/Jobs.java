package com.redress.support;

import com.redress.complaint.ComplaintHandlingProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/** Drives the engine's jobs explicitly: tests run without the background job executor. */
public final class Jobs {

  private Jobs() {
  }

  /** Runs the save point after a survey answer: reopening or the quality review task. */
  public static void continueAfterSurvey(ProcessEngine engine, String reference) {
    run(engine, reference, ComplaintHandlingProcess.EVENT_SURVEY_ANSWERED);
  }

  /** Runs the save point after registration: classification, acknowledgement, handling task. */
  public static void continueAfterRegistration(ProcessEngine engine, String reference) {
    run(engine, reference, ComplaintHandlingProcess.TASK_REGISTER);
  }

  /** Runs the job of the complaint's ComplaintHandling instance at the given activity (a save point). */
  public static void continueAfter(ProcessEngine engine, String reference, String activity) {
    run(engine, reference, activity);
  }

  private static void run(ProcessEngine engine, String reference, String activity) {
    String instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance)
        .activityId(activity).singleResult();
    engine.getManagementService().executeJob(job.getId());
  }
}
