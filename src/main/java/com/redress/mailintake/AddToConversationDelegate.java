package com.redress.mailintake;

import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.shared.AppClock;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AddToConversation: the customer's replies so far, as the handling form shows them. */
@Component
class AddToConversationDelegate implements JavaDelegate {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final IncomingMails mails;
  private final AppClock clock;

  AddToConversationDelegate(IncomingMails mails, AppClock clock) {
    this.mails = mails;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String conversation = mails.replies(ComplaintHandlingProcess.reference(execution)).stream()
        .map(reply -> reply.receivedAt().atZoneSameInstant(clock.businessZone()).format(WHEN) + "  "
            + (reply.senderName() == null ? reply.sender() : reply.senderName() + " <" + reply.sender() + ">")
            + "\n" + reply.text().strip())
        .collect(Collectors.joining("\n\n"));
    ComplaintHandlingProcess.CONVERSATION.set(execution, conversation);
  }
}
