package com.redress.support;

import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.notification.MessageDeliveryProcess;
import java.util.List;
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

  /** The delivery jobs of the messages queued for a case (complaint reference or award run) and not yet sent. */
  public static List<Job> messageDeliveries(ProcessEngine engine, String caseKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseKey)
        .processDefinitionKey(MessageDeliveryProcess.KEY).list().stream()
        .flatMap(i -> engine.getManagementService().createJobQuery().processInstanceId(i.getId()).list().stream())
        .toList();
  }

  /** Delivers the case's queued messages (what the job executor would do); returns how many. */
  public static int deliverMessages(ProcessEngine engine, String caseKey) {
    List<Job> deliveries = messageDeliveries(engine, caseKey);
    deliveries.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return deliveries.size();
  }

  private static void run(ProcessEngine engine, String reference, String activity) {
    String instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance)
        .activityId(activity).singleResult();
    engine.getManagementService().executeJob(job.getId());
  }
}
