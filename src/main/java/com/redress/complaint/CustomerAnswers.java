package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.CUSTOMER_ANSWER;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's answer to the handler's question, from the status page or by e-mail: it goes to
 * the complaint waiting for it (Msg_CustomerAnswered), which then resumes its handling.
 */
@Service
public class CustomerAnswers {

  private final RuntimeService runtime;

  CustomerAnswers(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Whether the complaint was waiting for an answer and took this one. */
  @Transactional
  public boolean answer(String reference, String answer) {
    List<Execution> waiting = runtime.createExecutionQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY)
        .messageEventSubscriptionName(ComplaintHandlingProcess.MESSAGE_CUSTOMER_ANSWERED).list();
    if (waiting.isEmpty()) {
      return false;
    }
    // an e-mail's answer is cut to what the engine keeps in a text variable
    String text = answer.strip();
    runtime.createMessageCorrelation(ComplaintHandlingProcess.MESSAGE_CUSTOMER_ANSWERED)
        .processInstanceId(waiting.get(0).getProcessInstanceId())
        .setVariable(CUSTOMER_ANSWER.name(), text.length() <= ComplaintHandlingProcess.TEXT_VARIABLE_ROOM ? text : text.substring(0, ComplaintHandlingProcess.TEXT_VARIABLE_ROOM - 2) + " …")
        .correlateWithResult();
    return true;
  }
}
