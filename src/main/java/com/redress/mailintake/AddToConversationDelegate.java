package com.redress.mailintake;

import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.language.InstallationTexts;
import com.redress.shared.AppClock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_AddToConversation: the customer's replies so far, as the handling form shows them: the
 * newest that fit in a text variable (the engine keeps at most 4000 characters), the older ones
 * counted; the audit story keeps every reply whole.
 */
@Component
class AddToConversationDelegate implements JavaDelegate {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final String SEPARATOR = "\n\n";

  private final IncomingMails mails;
  private final InstallationTexts texts;
  private final AppClock clock;

  AddToConversationDelegate(IncomingMails mails, InstallationTexts texts, AppClock clock) {
    this.mails = mails;
    this.texts = texts;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> replies = mails.replies(ComplaintHandlingProcess.reference(execution)).stream()
        .map(reply -> reply.receivedAt().atZoneSameInstant(clock.businessZone()).format(WHEN) + "  "
            + (reply.senderName() == null ? reply.sender() : reply.senderName() + " <" + reply.sender() + ">")
            + "\n" + reply.text().strip())
        .toList();
    // room for the line that counts the replies left out
    int room = ComplaintHandlingProcess.TEXT_VARIABLE_ROOM - 100;
    Deque<String> shown = new ArrayDeque<>();
    int next = replies.size() - 1;
    for (; next >= 0 && replies.get(next).length() + SEPARATOR.length() <= room; next--) {
      shown.addFirst(replies.get(next));
      room -= replies.get(next).length() + SEPARATOR.length();
    }
    if (shown.isEmpty() && next >= 0) {
      shown.addFirst(replies.get(next).substring(0, room - 2) + " …"); // the newest alone is too long
      next--;
    }
    if (next >= 0) {
      shown.addFirst(texts.text("staff.conversation.earlier", next + 1));
    }
    ComplaintHandlingProcess.CONVERSATION.set(execution, String.join(SEPARATOR, shown));
  }
}
