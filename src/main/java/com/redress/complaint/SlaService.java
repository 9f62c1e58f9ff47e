package com.redress.complaint;

import com.redress.identity.Groups;
import com.redress.language.InstallationTexts;
import com.redress.notification.NotificationService;
import com.redress.notification.OutgoingMessage;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the SLA timers on Task_HandleComplaint do: at 75 % warn the supervisors and raise the
 * task's priority; at 100 % escalate, so the same task (form and history kept) belongs to the
 * supervisors.
 */
@Service
class SlaService {

  static final int WARNED_PRIORITY = 75;
  static final int ESCALATED_PRIORITY = 100;

  private final ComplaintService complaints;
  private final TaskService tasks;
  private final IdentityService identity;
  private final NotificationService notifications;
  private final AuthorizationService authorizations;
  private final String staffBaseUrl;

  private final InstallationTexts texts;

  SlaService(ComplaintService complaints, TaskService tasks, IdentityService identity,
      NotificationService notifications, AuthorizationService authorizations,
      @Value("${redress.public-base-url}") String staffBaseUrl, InstallationTexts texts) {
    this.texts = texts;
    this.authorizations = authorizations;
    this.complaints = complaints;
    this.tasks = tasks;
    this.identity = identity;
    this.notifications = notifications;
    this.staffBaseUrl = staffBaseUrl;
  }

  @Transactional
  public void warn(String processInstanceId, String reference) {
    Task task = handlingTask(processInstanceId);
    Complaint before = complaints.get(reference);
    if (before.sla().warnedAt() != null && before.lifecycle().reopenCount() == 0
        && before.waiting().waited().compareTo(Duration.ZERO) > 0) {
      // warned before a question to the customer: the task comes back with its priority, not a second warning
      tasks.setPriority(task.getId(), Math.max(task.getPriority(), WARNED_PRIORITY));
      return;
    }
    complaints.recordSlaWarning(reference);
    tasks.setPriority(task.getId(), Math.max(task.getPriority(), WARNED_PRIORITY));
    Complaint complaint = complaints.get(reference);
    for (User supervisor : identity.createUserQuery().memberOfGroup(Groups.SUPERVISORS).unlimitedList()) {
      if (supervisor.getEmail() == null || supervisor.getEmail().isBlank()) {
        continue;
      }
      // one warning per supervisor and handling round (a reopened complaint has a fresh SLA)
      String dedupKey = reference + ":SLA_WARNING:" + complaint.lifecycle().reopenCount() + ":" + supervisor.getId();
      notifications.enqueue(new OutgoingMessage(dedupKey, reference,
          "SLA_WARNING", supervisor.getEmail(), texts.text("staff.mail.slaWarning.subject", reference,
              complaint.classification().resolutionDue()), "mail/sla-warning",
          Map.of("complaint", complaint, "tasklistLink", staffBaseUrl + "/camunda/app/tasklist/"), texts.language()));
    }
  }

  @Transactional
  public void escalate(String processInstanceId, String reference) {
    Task task = handlingTask(processInstanceId);
    if (complaints.get(reference).status() == ComplaintStatus.ESCALATED) {
      // escalated before a question to the customer: the task came back to the supervisors already
      tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
      return;
    }
    complaints.recordSlaBreach(reference);
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
          && !Groups.SUPERVISORS.equals(link.getGroupId())) {
        tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
      }
    }
    tasks.addCandidateGroup(task.getId(), Groups.SUPERVISORS);
    if (task.getAssignee() != null) {
      tasks.setAssignee(task.getId(), null);
    }
    // the engine granted the handler group (and a claimer) rights on this task; escalation takes them back
    for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task.getId()).unlimitedList()) {
      if (!Groups.SUPERVISORS.equals(grant.getGroupId())) {
        authorizations.deleteAuthorization(grant.getId());
      }
    }
    tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
  }

  private Task handlingTask(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE).singleResult();
  }
}
