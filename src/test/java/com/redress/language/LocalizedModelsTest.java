package com.redress.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.redress.complaint.ComplaintHandlingProcess;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The models and forms an installation deploys in its language: every name and form has its
 * Chinese, the two languages' forms stay in step, and a changed setting deploys anew while running
 * instances keep their forms.
 */
class LocalizedModelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What a form says to people; everything else (keys, types, validation, option values, conditions) must match. */
  private static final Set<String> WORDS = Set.of("label", "description", "text", "placeholder", "title", "dateLabel",
      "timeLabel");

  @Test
  void everyNamedElementOfEveryProcessHasItsChineseName() {
    Properties chinese = LocalizedModels.names(Language.ZH_CN);
    Set<String> needed = new HashSet<>();
    for (File file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file);
      model.getModelElementsByType(Process.class).stream().filter(p -> p.getName() != null)
          .forEach(p -> needed.add(p.getId()));
      model.getModelElementsByType(FlowElement.class).stream().filter(e -> e.getName() != null)
          .forEach(e -> needed.add(LocalizedModels.processOf(e).getId() + "." + e.getId()));
    }
    assertThat(chinese.stringPropertyNames()).as("one Chinese name per named element, none for a removed one")
        .containsExactlyInAnyOrderElementsOf(needed);
    assertThat(LocalizedModels.names(Language.EN)).as("English is the models' own").isEmpty();
  }

  @Test
  void bothLanguagesFormsHaveTheSameKeysTypesValidationAndOptions() throws IOException {
    for (File english : files("forms", ".form")) {
      File chinese = new File("forms/zh-CN", english.getName());
      assertThat(chinese).as("the Chinese of %s", english.getName()).exists();
      JsonNode en = JSON.readTree(english);
      JsonNode zh = JSON.readTree(chinese);
      List<String> englishWords = new ArrayList<>();
      List<String> chineseWords = new ArrayList<>();
      assertThat(withoutWords(zh, chineseWords)).as("%s apart from its words", english.getName())
          .isEqualTo(withoutWords(en, englishWords));
      for (int i = 0; i < englishWords.size(); i++) {
        assertThat(chineseWords.get(i)).as("%s: a text left in English", english.getName())
            .isNotEqualTo(englishWords.get(i)).matches("(?s).*\\p{IsHan}.*");
      }
    }
  }

  @Test
  void aChangedLanguageDeploysAnewAndRunningInstancesKeepTheirForms() throws IOException {
    String database = "jdbc:h2:mem:localized-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    String englishTask;
    ProcessEngine english = engine(database, Language.EN);
    try {
      englishTask = handlingTask(english, "EN-1");
      assertThat(english.getTaskService().createTaskQuery().taskId(englishTask).singleResult().getName())
          .isEqualTo("Handle complaint");
    } finally {
      english.close();
    }

    ProcessEngine chinese = engine(database, Language.ZH_CN);
    try {
      assertThat(chinese.getRepositoryService().createDeploymentQuery().count()).isEqualTo(2);
      String chineseTask = handlingTask(chinese, "ZH-1");
      Task task = chinese.getTaskService().createTaskQuery().taskId(chineseTask).singleResult();
      assertThat(task.getName()).isEqualTo("处理投诉");
      assertThat(form(chinese, chineseTask)).contains("\"label\" : \"投诉编号\"");
      assertThat(form(chinese, englishTask)).as("the running instance keeps its deployment's form")
          .contains("\"label\" : \"Complaint reference\"");
      assertThat(chinese.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(
          ComplaintHandlingProcess.KEY).latestVersion().singleResult().getName()).isEqualTo("投诉处理");
    } finally {
      chinese.close();
    }

    ProcessEngine again = engine(database, Language.ZH_CN);
    try {
      assertThat(again.getRepositoryService().createDeploymentQuery().count()).as("nothing changed, nothing deployed")
          .isEqualTo(2);
    } finally {
      again.close();
    }
  }

  /** An engine deploying at its start as the application's does: the patterns' resources, in {@code language}. */
  private static ProcessEngine engine(String url, Language language) throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> listed = new ArrayList<>();
    for (String pattern : List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
        "classpath*:forms/*.form", "classpath*:forms/*/*.form")) {
      listed.addAll(List.of(resolver.getResources(pattern)));
    }
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
    SpringTransactionsProcessEngineConfiguration configuration = new SpringTransactionsProcessEngineConfiguration();
    configuration.setDataSource(dataSource);
    configuration.setTransactionManager(new DataSourceTransactionManager(dataSource));
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("localized-" + UUID.randomUUID());
    configuration.setDeploymentName("redress");
    // the award timer's schedule is read when EmployeeAward is deployed
    configuration.setBeans(Map.of("awardSchedule", Map.of("cron", "0 0 1 1 * ?")));
    configuration.setDeploymentResources(LocalizedModels.in(language, listed).toArray(Resource[]::new));
    return configuration.buildProcessEngine();
  }

  /** A complaint waiting in its handling task (its steps before it skipped: they need the application). */
  private static String handlingTask(ProcessEngine engine, String reference) {
    String instance = engine.getRuntimeService().createProcessInstanceByKey(ComplaintHandlingProcess.KEY)
        .businessKey(reference).setVariable(ComplaintHandlingProcess.HANDLER_GROUP.name(), "service-team")
        .setVariable(ComplaintHandlingProcess.RESOLUTION_DUE.name(), "2030-01-01T12:00:00+08:00")
        .setVariable(ComplaintHandlingProcess.SLA_WARNING_AT.name(), "2029-12-31T12:00:00+08:00")
        .startBeforeActivity(ComplaintHandlingProcess.TASK_HANDLE).execute(true, true).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private static String form(ProcessEngine engine, String taskId) throws IOException {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(taskId)) {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(form));
    }
  }

  /** The form without what it says to people, which is collected in {@code words} in order. */
  private static JsonNode withoutWords(JsonNode node, List<String> words) {
    JsonNode copy = node.deepCopy();
    strip(copy, words);
    return copy;
  }

  private static void strip(JsonNode node, List<String> words) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> fields = new ArrayList<>();
      object.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        JsonNode value = object.get(field);
        if (WORDS.contains(field) && value.isTextual() && !value.asText().isBlank()) {
          words.add(value.asText());
          object.remove(field);
        } else {
          strip(value, words);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> strip(element, words));
    }
  }

  private static List<File> files(String folder, String suffix) {
    File[] files = new File(folder).listFiles((dir, name) -> name.endsWith(suffix));
    assertThat(files).isNotEmpty();
    return List.of(files);
  }
}
