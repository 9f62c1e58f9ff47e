package com.redress.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.redress.language.InstallationLanguage;
import com.redress.language.Phrase;
import com.redress.language.Phrases;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Staff read a refused completion in Tasklist, in the installation's language: its title and every
 * field's problem in Chinese for {@code zh-CN}, the English of before for {@code en}; the log line
 * stays English. The execution is only the source of the completion's variables here.
 */
class CompletionCheckLanguageTest {

  /** The same bad completion in both languages: a score, a flag, texts, a choice, money. */
  private static final Map<String, Object> BAD_VALUES = Map.of("qualityScore", 7, "innovative", "yes",
      "innovationReason", "short", "reviewComment", 42, "handlerGroup", "team-nobody",
      "compensationAmount", "-5.00", "compensationCurrency", "XYZ");

  private final Phrases phrases = new Phrases(bundles());
  private final Logger log = (Logger) LoggerFactory.getLogger(CompletionCheck.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Level levelBefore;

  @BeforeEach
  void captureLog() {
    levelBefore = log.getLevel();
    log.setLevel(Level.INFO);
    logged.setContext(log.getLoggerContext());
    logged.start();
    log.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    log.detachAppender(logged);
    log.setLevel(levelBefore);
  }

  @Test
  void aChineseInstallationRefusesInChineseAndLogsInEnglish() {
    FormFieldValidationException refused = refuse("zh-CN");

    assertThat(refused).hasMessage("无法提交质量评审: "
        + "reviewer rv-wang 处理过投诉 C-2031-000042，不能评审其处理质量（四眼原则）：须由另一位质量评审员接手; "
        + "qualityScore 须为 1 到 5 之间的整数; "
        + "innovative 须为 true 或 false; "
        + "innovationReason 须为 10 至 2000 个字符; "
        + "reviewComment 须为文本; "
        + "handlerGroup 须为以下之一：team-service, team-billing; "
        + "compensationAmount 不能为负数; "
        + "compensationCurrency 不是已知的 ISO 4217 货币代码");
    List<FieldProblem> problems = refused.getDetail();
    assertThat(problems).extracting(FieldProblem::field).containsExactly("reviewer", "qualityScore", "innovative",
        "innovationReason", "reviewComment", "handlerGroup", "compensationAmount", "compensationCurrency");
    assertThat(problems.get(1).message()).isEqualTo("须为 1 到 5 之间的整数");
    assertThat(problems.get(1).wording()).isEqualTo(Phrase.WHOLE_NUMBER.with(1, 5));
    assertThat(logged.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
        .isEqualTo("Refused completing 'Review handling quality' of C-2031-000042 by rv-wang: " + ENGLISH_DETAILS));
  }

  @Test
  void anEnglishInstallationRefusesWithTheEnglishOfBefore() {
    FormFieldValidationException refused = refuse("en");

    assertThat(refused).hasMessage("Quality review refused: " + ENGLISH_DETAILS);
    assertThat(logged.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
        .endsWith(": " + ENGLISH_DETAILS));
  }

  private static final String ENGLISH_DETAILS = "reviewer rv-wang handled complaint C-2031-000042 and cannot review "
      + "its quality (four-eyes principle): another quality reviewer must take it; "
      + "qualityScore must be a whole number from 1 to 5; "
      + "innovative must be true or false; "
      + "innovationReason must be 10 to 2000 characters; "
      + "reviewComment must be text; "
      + "handlerGroup must be one of team-service, team-billing; "
      + "compensationAmount must not be negative; "
      + "compensationCurrency is not a known ISO 4217 currency code";

  private FormFieldValidationException refuse(String installationLanguage) {
    CompletionCheck check = new CompletionChecks(new StaffRefusals(phrases, new InstallationLanguage(installationLanguage)))
        .of(completing(BAD_VALUES));
    check.problem("reviewer", Phrase.FOUR_EYES_QUALITY_REVIEW.with(check.actingUser(), "C-2031-000042"));
    check.wholeNumber("qualityScore", 1, 5);
    check.flag("innovative");
    check.text("innovationReason", 10, 2000);
    check.optionalText("reviewComment", 1, 2000);
    check.oneOf("handlerGroup", List.of("team-service", "team-billing"));
    check.money("compensationAmount", "compensationCurrency");
    return catchThrowableOfType(FormFieldValidationException.class,
        () -> check.refuseIfInvalid(Phrase.REFUSED_QUALITY_REVIEW));
  }

  /** The end of Task_ReviewQuality, completed by rv-wang with {@code variables} (no command context: no signed-in user). */
  private static DelegateExecution completing(Map<String, Object> variables) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    when(execution.getId()).thenReturn("execution-1");
    when(execution.getProcessInstanceId()).thenReturn("instance-1");
    when(execution.getProcessBusinessKey()).thenReturn("C-2031-000042");
    when(execution.getCurrentActivityId()).thenReturn("Task_ReviewQuality");
    when(execution.getCurrentActivityName()).thenReturn("Review handling quality");
    HistoricTaskInstance task = mock(HistoricTaskInstance.class);
    when(task.getAssignee()).thenReturn("rv-wang");
    when(task.getExecutionId()).thenReturn("execution-1");
    HistoricTaskInstanceQuery query = mock(HistoricTaskInstanceQuery.class, RETURNS_SELF);
    when(query.unlimitedList()).thenReturn(List.of(task));
    HistoryService history = mock(HistoryService.class);
    when(history.createHistoricTaskInstanceQuery()).thenReturn(query);
    ProcessEngineServices services = mock(ProcessEngineServices.class);
    when(services.getHistoryService()).thenReturn(history);
    when(execution.getProcessEngineServices()).thenReturn(services);
    return execution;
  }

  /** The customer bundles as Spring Boot configures them (spring.messages): no fallback to the server's locale. */
  private static ResourceBundleMessageSource bundles() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }
}
