package com.redress.mailintake;

import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.language.InstallationTexts;
import com.redress.notification.NotificationService;
import com.redress.notification.OutgoingMessage;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task_TellHandler: whoever is working on the handling task hears by e-mail that the customer
 * replied (the reply itself is in the form, not in the mail). Nobody is told while no one holds
 * the task: the reply waits in the conversation and the story.
 */
@Component
class TellHandlerDelegate implements JavaDelegate {

  static final String KIND = "CUSTOMER_REPLIED";

  private final TaskService tasks;
  private final IdentityService identity;
  private final IncomingMails mails;
  private final NotificationService notifications;
  private final InstallationTexts texts;
  private final String tasklistLink;

  TellHandlerDelegate(TaskService tasks, IdentityService identity, IncomingMails mails,
      NotificationService notifications, InstallationTexts texts, @Value("${redress.public-base-url}") String baseUrl) {
    this.tasks = tasks;
    this.identity = identity;
    this.mails = mails;
    this.notifications = notifications;
    this.texts = texts;
    this.tasklistLink = baseUrl + "/camunda/app/tasklist/";
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ComplaintHandlingProcess.reference(execution);
    Task handling = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE).singleResult();
    if (handling == null || handling.getAssignee() == null) {
      return;
    }
    User handler = identity.createUserQuery().userId(handling.getAssignee()).singleResult();
    if (handler == null || handler.getEmail() == null || handler.getEmail().isBlank()) {
      return;
    }
    // once per reply and handler
    String dedupKey = reference + ":" + KIND + ":" + mails.replies(reference).size() + ":" + handler.getId();
    notifications.enqueue(new OutgoingMessage(dedupKey, reference, KIND, handler.getEmail(),
        texts.text("staff.mail.customerReplied.subject", reference), "mail/customer-replied",
        Map.of("reference", reference, "tasklistLink", tasklistLink), texts.language()));
  }
}
