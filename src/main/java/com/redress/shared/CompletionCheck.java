package com.redress.shared;

import com.redress.language.Phrase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-side check of a user task's form values, run by an execution listener when the task
 * ends. Forms validate too, but REST and Java callers bypass them. A refusal throws
 * {@link FormFieldValidationException}, which the engine passes through unwrapped (engine REST
 * answers 400 with the reason, Tasklist shows it) and the completion rolls back untouched.
 * Task listeners are not used for this: the engine wraps their exceptions into a 500.
 */
public final class CompletionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(CompletionCheck.class);

  private final DelegateExecution execution;
  private final List<FieldProblem> problems = new ArrayList<>();

  public CompletionCheck(DelegateExecution execution) {
    this.execution = execution;
  }

  /** False when the task ends because it was cancelled (e.g. by a boundary event): nothing to check. */
  public static boolean isCompletion(DelegateExecution execution) {
    return !execution.isCanceled();
  }

  public String text(String name, int minLength, int maxLength) {
    Object value = execution.getVariable(name);
    if (value != null && !(value instanceof String)) {
      problems.add(new FieldProblem(name, "must be text"));
      return null;
    }
    String text = value == null ? "" : ((String) value).strip();
    if (text.isEmpty()) {
      problems.add(new FieldProblem(name, "is required"));
    } else if (text.length() < minLength || text.length() > maxLength) {
      problems.add(new FieldProblem(name, "must be " + minLength + " to " + maxLength + " characters"));
    }
    return text;
  }

  /** Text that may be left out: null when missing or blank, else checked like {@link #text}. */
  public String optionalText(String name, int minLength, int maxLength) {
    Object value = execution.getVariable(name);
    return value == null || (value instanceof String text && text.isBlank()) ? null : text(name, minLength, maxLength);
  }

  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      problems.add(new FieldProblem(name, "is required"));
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString());
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(name, "must be one of "
          + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
      return null;
    }
  }

  public String oneOf(String name, List<String> allowed) {
    Object value = execution.getVariable(name);
    if (value == null || !allowed.contains(value.toString())) {
      problems.add(new FieldProblem(name, "must be one of " + String.join(", ", allowed)));
      return null;
    }
    return value.toString();
  }

  /** A whole number in range; stored back as an Integer whatever number type the form sent. */
  public Integer wholeNumber(String name, int min, int max) {
    Object value = execution.getVariable(name);
    BigDecimal number;
    try {
      number = value == null ? null : new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      number = null;
    }
    if (number == null || number.stripTrailingZeros().scale() > 0
        || number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
      return null;
    }
    int whole = number.intValueExact();
    execution.setVariable(name, whole);
    return whole;
  }

  /** A non-negative decimal amount as text (never a float) and a known currency. */
  public Money money(String amountName, String currencyName) {
    Object amount = execution.getVariable(amountName);
    Object currency = execution.getVariable(currencyName);
    Phrase amountProblem = amount instanceof String text ? Money.amountProblem(text) : Phrase.DECIMAL_AS_TEXT;
    Phrase currencyProblem = Money.currencyProblem(currency == null ? null : currency.toString());
    if (amountProblem != null) {
      problems.add(FieldProblem.of(amountName, amountProblem));
    }
    if (currencyProblem != null) {
      problems.add(FieldProblem.of(currencyName, currencyProblem));
    }
    return amountProblem == null && currencyProblem == null ? Money.parse((String) amount, currency.toString()) : null;
  }

  public Boolean flag(String name) {
    Object value = execution.getVariable(name);
    if (value instanceof Boolean flag) {
      return flag;
    }
    problems.add(new FieldProblem(name, "must be true or false"));
    return null;
  }

  public void problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
  }

  /** Whether {@code failure} is a refusal this check (or the start form) threw: a 400 to the user, not a fault. */
  public static boolean isRefusal(Throwable failure) {
    return failure instanceof FormFieldValidationException;
  }

  /** Throws with every problem found so far; the caller's title leads the message. */
  public void refuseIfInvalid(String title) {
    if (!problems.isEmpty()) {
      String details = problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
      // the one line an expected refusal gets (the engine's stack trace of it is filtered: ExpectedRefusals)
      LOG.info("Refused completing '{}' of {} by {}: {}", execution.getCurrentActivityName(),
          execution.getProcessBusinessKey(), actingUser(), details);
      throw new FormFieldValidationException(List.copyOf(problems), title + ": " + details);
    }
  }

  /** Who completes the task: the authenticated caller, else (engine API without identity) its last assignee. */
  public String actingUser() {
    return actingUser(execution, execution.getCurrentActivityId());
  }

  /**
   * Who completed user task {@code taskDefinitionKey} of this process instance, for the step that
   * records the decision right after it, in the same transaction: the authenticated caller, else
   * (engine API without identity) the task's last assignee.
   */
  public static String actingUser(DelegateExecution execution, String taskDefinitionKey) {
    Authentication authentication = Context.getCommandContext() == null ? null
        : Context.getCommandContext().getAuthentication();
    if (authentication != null) {
      return authentication.getUserId();
    }
    // the newest task of this activity: with several open (an event subprocess started twice),
    // the one of this execution comes first
    return execution.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskDefinitionKey)
        .orderByHistoricActivityInstanceStartTime().desc().unlimitedList().stream()
        .sorted(java.util.Comparator.comparing(t -> !execution.getId().equals(t.getExecutionId())))
        .findFirst().map(HistoricTaskInstance::getAssignee).orElse(null);
  }
}
