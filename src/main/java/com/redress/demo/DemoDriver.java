package com.redress.demo;

import com.redress.award.EmployeeAwardProcess;
import com.redress.compensation.CompensationApprovalProcess;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.NewComplaint;
import com.redress.complaint.SurveyService;
import com.redress.shared.AppClock;
import com.redress.shared.ProcessVariable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Works cases through the real processes as the demo users would, at a moved clock: submits, claims
 * and completes tasks, answers surveys, and runs what the job executor would run by then (save
 * points, e-mails, payments, timers that are due).
 */
@Component
@Profile("demo")
class DemoDriver {

  /** A complaint of the story: its reference and the customer's access token (for the survey). */
  record Case(String reference, String token) {
  }

  /** The processes whose jobs the story runs itself: all but MessageDelivery. */
  private static final List<String> STORY_PROCESSES = List.of(ComplaintHandlingProcess.KEY,
      CompensationApprovalProcess.KEY, EmployeeAwardProcess.KEY);

  private final ComplaintService complaints;
  private final SurveyService surveys;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final AppClock clock;

  DemoDriver(ComplaintService complaints, SurveyService surveys, TaskService tasks, RuntimeService runtime,
      ManagementService management, AppClock clock) {
    this.complaints = complaints;
    this.surveys = surveys;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.clock = clock;
  }

  void at(Instant when) {
    clock.travelTo(when);
  }

  Instant now() {
    return clock.now();
  }

  Case submit(NewComplaint complaint) {
    ComplaintService.Submitted submitted = complaints.submit(complaint, null, null);
    runDueJobs();
    return new Case(submitted.reference(), submitted.accessToken());
  }

  /**
   * The open task {@code taskKey} of the case, completed by the demo user of its candidate group
   * (or {@code user}, when given) with {@code values}; then the case's due jobs run.
   */
  String complete(String caseKey, String taskKey, String user, Map<String, Object> values) {
    Task task = openTask(caseKey, taskKey);
    String worker = user != null ? user : task.getAssignee() != null ? task.getAssignee()
        : DemoIdentities.memberOf(candidateGroupOf(task));
    if (task.getAssignee() == null || !task.getAssignee().equals(worker)) {
      tasks.setAssignee(task.getId(), worker);
    }
    // no authenticated user: the demo users' authorizations are granted when the application is
    // ready, after the story; the steps read who acted from the assignee
    tasks.complete(task.getId(), values);
    runDueJobs();
    return worker;
  }

  boolean hasOpenTask(String caseKey, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseKey).taskDefinitionKey(taskKey).count() > 0;
  }

  /** The group whose members may take the case's open task {@code taskKey}, or null when none is open. */
  String candidateGroup(String caseKey, String taskKey) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseKey).taskDefinitionKey(taskKey).list();
    return open.isEmpty() ? null : candidateGroupOf(open.get(0));
  }

  private String candidateGroupOf(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(group -> group != null).findFirst().orElseThrow();
  }

  void answerSurvey(Case complaint, int score, String comment) {
    surveys.answer(complaint.reference(), new SurveyService.Answer(complaint.token(), score, comment));
    runDueJobs();
  }

  /** When the resolution SLA of the complaint's open handling task runs out. */
  Instant resolutionDue(Case complaint) {
    return OffsetDateTime.parse(handlingVariable(complaint, ComplaintHandlingProcess.RESOLUTION_DUE)).toInstant();
  }

  Instant surveyDue(Case complaint) {
    return OffsetDateTime.parse(handlingVariable(complaint, ComplaintHandlingProcess.SURVEY_DUE_AT)).toInstant();
  }

  /**
   * Runs what is due at the story's clock in cases and award runs until nothing is left, as the job
   * executor would have by then; later timers wait. The story lives its cases one after the other,
   * so these are the jobs of the case in hand, or timers of an open case that the job executor would
   * run at the latest when the application starts. Messages are left to the job executor: they are
   * sent (or, without a mail server, kept in the outbox) once the application runs, as a restored
   * backlog would be.
   */
  void runDueJobs() {
    for (Job job = nextDue(); job != null; job = nextDue()) {
      management.executeJob(job.getId());
    }
  }

  /** A job query per process: the one process-instance query by business key cost a fifth of the story. */
  private Job nextDue() {
    for (String process : STORY_PROCESSES) {
      List<Job> due = management.createJobQuery().processDefinitionKey(process).executable().listPage(0, 1);
      if (!due.isEmpty()) {
        return due.get(0);
      }
    }
    return null;
  }

  private Task openTask(String caseKey, String taskKey) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseKey).taskDefinitionKey(taskKey).list();
    if (open.size() != 1) {
      throw new IllegalStateException("The demo story expected one open " + taskKey + " of " + caseKey + ", found "
          + open.size());
    }
    return open.get(0);
  }

  private String handlingVariable(Case complaint, ProcessVariable<String> variable) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(complaint.reference())
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult();
    return variable.type().cast(runtime.getVariable(instance.getId(), variable.name()));
  }
}
