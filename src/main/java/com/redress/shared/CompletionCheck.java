package com.redress.shared;

import com.redress.language.Phrase;
import com.redress.language.Wording;
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
 * Every problem and the refusal's title are {@link Phrase}s: the refusal is said in the
 * installation's language, its log line in English. Made by {@link CompletionChecks}.
 */
public final class CompletionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(CompletionCheck.class);

  private final DelegateExecution execution;
  private final StaffRefusals refusals;
  private final List<FieldProblem> problems = new ArrayList<>();

  CompletionCheck(DelegateExecution execution, StaffRefusals refusals) {
    this.execution = execution;
    this.refusals = refusals;
  }

  /** False when the task ends because it was cancelled (e.g. by a boundary event): nothing to check. */
  public static boolean isCompletion(DelegateExecution execution) {
    return !execution.isCanceled();
  }

  public String text(String name, int minLength, int maxLength) {
    Object value = execution.getVariable(name);
    if (value != null && !(value instanceof String)) {
      problem(name, Phrase.MUST_BE_TEXT);
      return null;
    }
    String text = value == null ? "" : ((String) value).strip();
    if (text.isEmpty()) {
      problem(name, Phrase.REQUIRED);
    } else if (text.length() < minLength || text.length() > maxLength) {
      problem(name, Phrase.LENGTH_BETWEEN, minLength, maxLength);
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
      problem(name, Phrase.REQUIRED);
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString());
    } catch (IllegalArgumentException e) {
      problem(name, Phrase.ONE_OF,
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
      return null;
    }
  }

  public String oneOf(String name, List<String> allowed) {
    Object value = execution.getVariable(name);
    if (value == null || !allowed.contains(value.toString())) {
      problem(name, Phrase.ONE_OF, String.join(", ", allowed));
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
      problem(name, Phrase.WHOLE_NUMBER, min, max);
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
      problem(amountName, amountProblem);
    }
    if (currencyProblem != null) {
      problem(currencyName, currencyProblem);
    }
    return amountProblem == null && currencyProblem == null ? Money.parse((String) amount, currency.toString()) : null;
  }

  public Boolean flag(String name) {
    Object value = execution.getVariable(name);
    if (value instanceof Boolean flag) {
      return flag;
    }
    problem(name, Phrase.TRUE_OR_FALSE);
    return null;
  }

  /** A problem of {@code field}: {@code phrase} with its arguments (numbers and names as they are). */
  public void problem(String field, Phrase phrase, Object... arguments) {
    problems.add(FieldProblem.of(field, phrase, arguments));
  }

  /** A problem of {@code field} worded elsewhere (e.g. a four-eyes rule's refusal). */
  public void problem(String field, Wording wording) {
    problems.add(new FieldProblem(field, wording.english(), wording));
  }

  /** Whether {@code failure} is a refusal this check (or the start form) threw: a 400 to the user, not a fault. */
  public static boolean isRefusal(Throwable failure) {
    return failure instanceof FormFieldValidationException;
  }

  /**
   * Throws with every problem found so far, said in the installation's language; the caller's title
   * leads the message ("title: field problem; field problem").
   */
  public void refuseIfInvalid(Phrase title) {
    if (!problems.isEmpty()) {
      // the one line an expected refusal gets (the engine's stack trace of it is filtered: ExpectedRefusals),
      // in English whatever the installation's language
      LOG.info("Refused completing '{}' of {} by {}: {}", execution.getCurrentActivityName(),
          execution.getProcessBusinessKey(), actingUser(), details(problems));
      throw refusal(title, problems, refusals);
    }
  }

  /** The refusal Tasklist shows: {@code title} and each problem, in the installation's language. */
  public static FormFieldValidationException refusal(Phrase title, List<FieldProblem> problems,
      StaffRefusals refusals) {
    List<FieldProblem> said = refusals.said(problems);
    return new FormFieldValidationException(said, refusals.say(title.with()) + ": " + details(said));
  }

  private static String details(List<FieldProblem> problems) {
    return problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
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
