package com.redress.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.redress.support.ApplicationTest;
import com.redress.support.Handling;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expressions can read, not run code: every expression in Redress's models and Tasklist's stored
 * filters evaluates under the engine's expression manager, and the ways a model's text has been
 * used to run commands fail when they are evaluated, whatever the model check would have said.
 */
class ModelExpressionsTest extends ApplicationTest {

  /** What the models' expressions read, as the steps before them leave it. */
  private static final Map<String, Object> SAMPLES = Map.ofEntries(
      Map.entry("resolutionDue", "2030-01-01T10:00:00+08:00"), Map.entry("slaWarningAt", "2029-12-31T10:00:00+08:00"),
      Map.entry("approvalDue", "2030-01-01T10:00:00+08:00"), Map.entry("surveyDueAt", "2030-01-08T10:00:00+08:00"),
      Map.entry("objectionDue", "2030-01-05T10:00:00+08:00"), Map.entry("surveyScore", 4),
      Map.entry("reopenCount", 0), Map.entry("maxReopenings", 2), Map.entry("runOpened", true),
      Map.entry("reviewConfirmed", true), Map.entry("policy", Map.of("band", 1)), Map.entry("objectionText", "Unfair"),
      Map.entry("objectionId", "OBJ-1"), Map.entry("handlerGroup", "team-billing"), Map.entry("eligibleHandlers", 3),
      Map.entry("duplicate", false), Map.entry("compensationType", "NONE"), Map.entry("classification", "{}"),
      Map.entry("awardRoute", "APPROVED"), Map.entry("approverGroup", "supervisors"), Map.entry("approvalNeeded", true),
      Map.entry("approvalDecision", "APPROVE"), Map.entry("moreApprovals", false),
      Map.entry("handlingAction", "RESOLVE"), Map.entry("reminderAt", "2030-01-03T10:00:00+08:00"),
      Map.entry("noReplyAt", "2030-01-08T10:00:00+08:00"));
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");

  @TempDir
  Path folder;
  private File marker;
  private String execution;

  @BeforeEach
  void complaintAtItsHandlingTask() {
    marker = folder.resolve("owned").toFile();
    execution = Handling.openTask(engine, "CMP-EXPR-" + System.nanoTime(), "team-billing");
  }

  @Test
  void everyExpressionOfTheModelsAndTheStoredFiltersEvaluates() throws IOException {
    Set<String> expressions = new LinkedHashSet<>(modelExpressions());
    for (Filter filter : engine.getFilterService().createFilterQuery().list()) {
      expressions.addAll(((TaskQueryImpl) filter.getQuery()).getExpressions().values());
    }

    assertThat(expressions).contains("#{execution.processBusinessKey}", "${awardSchedule.cron}", "${policy.band}",
        "${currentUser()}", "${currentUserGroups()}", "${registerComplaintDelegate}");
    List<String> failed = new ArrayList<>();
    for (String expression : expressions) {
      try {
        evaluate(expression);
      } catch (ProcessEngineException e) {
        failed.add(expression + ": " + e.getMessage());
      }
    }
    assertThat(failed).isEmpty();
  }

  @Test
  void methodCallsFailWhenEvaluatedHoweverTheyAreWritten() {
    String command = "'touch " + marker.getAbsolutePath() + "'";
    for (String attack : List.of(
        "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec(" + command + ")}",
        // the '}' in the literal once ended the model check's look at the expression
        "${'}'.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec(" + command + ")}",
        "${''.class.forName('java.lang.Runtime')}",
        "${execution.getProcessEngineServices().getRuntimeService()}",
        "${execution.processEngineServices}",
        "${registerComplaintDelegate.execute(execution)}",
        "${awardSchedule.class}",
        "${now().getClass()}",
        "${dataSource.connection}",
        "${environment.getProperty('user.home')}")) {
      assertThatThrownBy(() -> evaluate(attack)).as(attack).isInstanceOf(ProcessEngineException.class);
    }
    assertThat(marker).doesNotExist();
  }

  @Test
  void theExecutionAndTheTaskOfferOnlyTheirListedAccessors() {
    assertThat(evaluate("${execution.processBusinessKey}")).asString().startsWith("CMP-EXPR-");
    assertThat(evaluate("${execution.processInstanceId}")).isEqualTo(execution);
    assertThatThrownBy(() -> evaluate("${execution.processDefinitionId}"))
        .hasMessageContaining("Expressions may read only [currentActivityId, processBusinessKey, processInstanceId]");
  }

  private Object evaluate(String expression) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String instance = execution;
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      ExecutionEntity scope = context.getExecutionManager().findExecutionById(instance);
      // transient: nothing of the samples is stored
      SAMPLES.forEach((name, value) -> {
        if (!scope.hasVariable(name)) {
          scope.setVariableLocal(name, Variables.untypedValue(value, true));
        }
      });
      return configuration.getExpressionManager().createExpression(expression).getValue(scope);
    });
  }

  private static List<String> modelExpressions() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher expression = EXPRESSION.matcher(Files.readString(model).replace("&lt;", "<").replace("&gt;", ">")
            .replace("&amp;", "&"));
        while (expression.find()) {
          found.add(expression.group());
        }
      }
    }
    assertThat(found).hasSizeGreaterThan(50);
    return found;
  }
}
