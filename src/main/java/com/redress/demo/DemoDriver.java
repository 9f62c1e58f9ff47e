package com.redress.demo;

import com.redress.award.EmployeeAwardProcess;
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
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works cases through the real processes as the demo users would, at a moved clock: submits, claims
 * and completes tasks, answers surveys, and runs what the job executor would run by then in the
 * case in hand (save points, payments, timers that are due).
 */
@Component
@Profile("demo")
class DemoDriver {

  /**
   * A case of the story, a complaint or an award run: its business key, the customer's access token
   * (for the survey; none for an award run) and its process instance, the root of its jobs.
   */
  record Case(String reference, String token, String instanceId) {
  }

  private final ComplaintService complaints;
  private final SurveyService surveys;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final AppClock clock;
  private final TransactionTemplate transaction;

  DemoDriver(ComplaintService complaints, SurveyService surveys, TaskService tasks, RuntimeService runtime,
      ManagementService management, AppClock clock, PlatformTransactionManager transactions) {
    this.transaction = new TransactionTemplate(transactions);
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
    Case submittedCase = new Case(submitted.reference(), submitted.accessToken(),
        instanceOf(ComplaintHandlingProcess.KEY, submitted.reference()));
    runDueJobs(submittedCase);
    return submittedCase;
  }

  /** The award run {@code runId}, requested before, as a case of the story. */
  Case awardRun(String runId) {
    return new Case(runId, null, instanceOf(EmployeeAwardProcess.KEY, runId));
  }

  /**
   * The open task {@code taskKey} of the case, completed by the demo user of its candidate group
   * (or {@code user}, when given) with {@code values}; then the case's due jobs run.
   */
  String complete(Case storyCase, String taskKey, String user, Map<String, Object> values) {
    Task task = openTask(storyCase, taskKey);
    String worker = user != null ? user : task.getAssignee() != null ? task.getAssignee()
        : DemoIdentities.memberOf(candidateGroupOf(task));
    // assigned and completed in one transaction: one commit and one audit append instead of two.
    // No authenticated user: the demo users' authorizations are granted when the application is
    // ready, after the story; the steps read who acted from the assignee
    transaction.executeWithoutResult(done -> {
      if (task.getAssignee() == null || !task.getAssignee().equals(worker)) {
        tasks.setAssignee(task.getId(), worker);
      }
      tasks.complete(task.getId(), values);
    });
    runDueJobs(storyCase);
    return worker;
  }

  boolean hasOpenTask(Case storyCase, String taskKey) {
    return openTasks(storyCase, taskKey).count() > 0;
  }

  /** The group whose members may take the case's open task {@code taskKey}, or null when none is open. */
  String candidateGroup(Case storyCase, String taskKey) {
    List<Task> open = openTasks(storyCase, taskKey).list();
    return open.isEmpty() ? null : candidateGroupOf(open.get(0));
  }

  private String candidateGroupOf(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(group -> group != null).findFirst().orElseThrow();
  }

  void answerSurvey(Case complaint, int score, String comment) {
    surveys.answer(complaint.reference(), new SurveyService.Answer(complaint.token(), score, comment));
    runDueJobs(complaint);
  }

  /** When the resolution SLA of the complaint's open handling task runs out. */
  Instant resolutionDue(Case complaint) {
    return OffsetDateTime.parse(handlingVariable(complaint, ComplaintHandlingProcess.RESOLUTION_DUE)).toInstant();
  }

  Instant surveyDue(Case complaint) {
    return OffsetDateTime.parse(handlingVariable(complaint, ComplaintHandlingProcess.SURVEY_DUE_AT)).toInstant();
  }

  /**
   * Runs what is due at the story's clock in the case (its called processes included) until
   * nothing is left, as the job executor would have by then; later timers wait. The story lives its
   * cases one after the other, each to the point where the job executor takes over, so a case's
   * due jobs are its own. Messages are left to the job executor (MessageDelivery instances are
   * outside the case's tree): they are sent, or without a mail server kept in the outbox, once the
   * application runs, as a restored backlog would be.
   */
  void runDueJobs(Case storyCase) {
    for (Job job = nextDue(storyCase); job != null; job = nextDue(storyCase)) {
      management.executeJob(job.getId());
    }
  }

  private Job nextDue(Case storyCase) {
    List<Job> due = management.createJobQuery().rootProcessInstanceId(storyCase.instanceId()).executable()
        .listPage(0, 1);
    return due.isEmpty() ? null : due.get(0);
  }

  private TaskQuery openTasks(Case storyCase, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(storyCase.reference()).taskDefinitionKey(taskKey);
  }

  private Task openTask(Case storyCase, String taskKey) {
    List<Task> open = openTasks(storyCase, taskKey).list();
    if (open.size() != 1) {
      throw new IllegalStateException("The demo story expected one open " + taskKey + " of " + storyCase.reference()
          + ", found " + open.size());
    }
    return open.get(0);
  }

  private String instanceOf(String processKey, String businessKey) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(processKey).singleResult();
    return instance.getId();
  }

  private String handlingVariable(Case complaint, ProcessVariable<String> variable) {
    return variable.type().cast(runtime.getVariable(complaint.instanceId(), variable.name()));
  }
}
