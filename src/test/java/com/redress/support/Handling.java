package com.redress.support;

import com.redress.compensation.CompensationApprovalProcess;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.identity.Groups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** Works a complaint's user tasks through the Java API as the given users, then runs the save point after each. */
public final class Handling {

  public static final String RESOLUTION = "Closed the socket cover and checked the wiring.";

  private Handling() {
  }

  /** A dispatcher sends a complaint no rule classified to the service team, low severity. */
  public static void triage(ProcessEngine engine, String reference, String dispatcher) {
    complete(engine, reference, ComplaintHandlingProcess.TASK_TRIAGE, dispatcher, Map.of("severity", "LOW",
        "handlerGroup", Groups.TEAM_SERVICE, "firstResponseSlaHours", 8, "resolutionSlaHours", 40));
  }

  /** The handler (claiming it if nobody has) records a plain outcome without compensation. */
  public static void resolve(ProcessEngine engine, String reference, String handler) {
    complete(engine, reference, ComplaintHandlingProcess.TASK_HANDLE, handler, Map.of("rootCause", "STAFF_ERROR",
        "resolution", RESOLUTION, "serviceFailureAcknowledged", true, "compensationType", "NONE"));
  }

  /** The handler resolves the complaint and proposes a compensation, which goes to approval. */
  public static void resolveWithCompensation(ProcessEngine engine, String reference, String handler, String type,
      String amount, String reason) {
    complete(engine, reference, ComplaintHandlingProcess.TASK_HANDLE, handler, Map.of("rootCause", "STAFF_ERROR",
        "resolution", RESOLUTION, "serviceFailureAcknowledged", true, "compensationType", type,
        "compensationAmount", amount, "compensationCurrency", "CNY", "compensationReason", reason));
  }

  /** The approver decides the open approval step; then every due job of the case runs. */
  public static void decideCompensation(ProcessEngine engine, String reference, String approver, String decision,
      String reason) {
    complete(engine, reference, CompensationApprovalProcess.TASK_APPROVE, approver,
        Map.of("approvalDecision", decision, "decisionReason", reason));
    runDueJobs(engine, reference);
  }

  /** Runs the case's due jobs (save points, compensation, e-mails) until none is left; timers not yet due stay. */
  public static void runDueJobs(ProcessEngine engine, String reference) {
    for (Job job = nextDue(engine, reference); job != null; job = nextDue(engine, reference)) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  private static Job nextDue(ProcessEngine engine, String reference) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
        .stream().flatMap(instance -> engine.getManagementService().createJobQuery()
            .processInstanceId(instance.getId()).executable().list().stream())
        .findFirst().orElse(null);
  }

  public static void review(ProcessEngine engine, String reference, String reviewer, int score) {
    review(engine, reference, reviewer, score, false, null);
  }

  public static void review(ProcessEngine engine, String reference, String reviewer, int score, boolean innovative,
      String reason) {
    Map<String, Object> values = new HashMap<>(Map.of("qualityScore", score, "innovative", innovative));
    if (reason != null) {
      values.put("innovationReason", reason);
    }
    complete(engine, reference, ComplaintHandlingProcess.TASK_REVIEW_QUALITY, reviewer, values);
    runSavePoint(engine, reference, ComplaintHandlingProcess.TASK_RECORD_QUALITY_REVIEW);
  }

  public static Task task(ProcessEngine engine, String reference, String taskDefinitionKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  private static void complete(ProcessEngine engine, String reference, String taskDefinitionKey, String user,
      Map<String, Object> values) {
    Task task = task(engine, reference, taskDefinitionKey);
    if (task.getAssignee() == null) {
      engine.getTaskService().claim(task.getId(), user);
    }
    engine.getIdentityService().setAuthentication(user, List.of());
    try {
      engine.getTaskService().complete(task.getId(), values);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    runSavePoint(engine, reference, taskDefinitionKey);
  }

  /** Runs the save point after {@code activity} (a job of the case's instances there), where the model has one. */
  private static void runSavePoint(ProcessEngine engine, String reference, String activity) {
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
        .flatMap(instance -> engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
            .activityId(activity).list().stream())
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  /**
   * A ComplaintHandling instance started right at the handling task for {@code group}, with only the
   * variables that task needs: many open tasks without registering complaints. Returns the instance id.
   */
  public static String openTask(ProcessEngine engine, String businessKey, String group) {
    return engine.getRuntimeService().createProcessInstanceByKey(ComplaintHandlingProcess.KEY)
        .businessKey(businessKey)
        .startBeforeActivity(ComplaintHandlingProcess.TASK_HANDLE)
        .setVariable("handlerGroup", group)
        .setVariable("resolutionDue", "2030-01-01T10:00:00+08:00")
        .setVariable("slaWarningAt", "2029-12-31T10:00:00+08:00")
        .setVariable("complaintReference", businessKey)
        .execute().getId();
  }
}
