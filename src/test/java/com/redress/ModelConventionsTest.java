package com.redress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.redress.award.EmployeeAwardProcess;
import com.redress.compensation.CompensationApprovalProcess;
import com.redress.complaint.ComplaintHandlingProcess;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The models in processes/ and forms/ as analysts save them from Modeler, checked against the
 * code: every delegate expression names a bean, every user task has a deployed form and
 * candidate groups, every model carries history time to live, a version tag and diagram
 * interchange, and no id that code relies on is a generated one.
 */
class ModelConventionsTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  /** Modeler's generated ids, e.g. Activity_0x1abcd, Gateway_1kq2z3r, Flow_0abc123. */
  private static final Pattern GENERATED_ID = Pattern.compile(
      "(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task|ServiceTask|UserTask|SequenceFlow|DataObject)_[0-9a-z]{7}");
  private static final Pattern EXPRESSION_BEAN = Pattern.compile("^[$#]\\{(\\w+)}$");

  @Test
  void everyBpmnModelFollowsTheConventions() throws IOException {
    assertThat(files(PROCESSES, ".bpmn")).isNotEmpty();
    assertThat(bpmnProblems(PROCESSES, formIds())).isEmpty();
  }

  @Test
  void theCheckCatchesWhatModelerLetsThrough(@TempDir Path dir) throws IOException {
    BpmnModelInstance broken = Bpmn.createExecutableProcess("Broken")
        .startEvent("Start_Broken")
        .serviceTask("Activity_0abc123").camundaClass("com.example.SomeDelegate")
        .serviceTask("Task_UnknownBean").camundaDelegateExpression("${noSuchBean}")
        .userTask("Task_Orphan")
        .endEvent("End_Broken")
        .done();
    broken.<Process>getModelElementById("Broken").setCamundaHistoryTimeToLiveString(null);
    Bpmn.writeModelToFile(dir.resolve("Broken.bpmn").toFile(), broken);

    assertThat(bpmnProblems(dir, Set.of())).anyMatch(p -> p.contains("no camunda:historyTimeToLive"))
        .anyMatch(p -> p.contains("no camunda:versionTag"))
        .anyMatch(p -> p.contains("executionPlatformVersion"))
        .anyMatch(p -> p.contains("Activity_0abc123 is a generated id"))
        .anyMatch(p -> p.contains("Activity_0abc123 must use camunda:delegateExpression"))
        .anyMatch(p -> p.contains("'noSuchBean', which does not exist"))
        .anyMatch(p -> p.contains("Task_Orphan has no candidate groups"))
        .anyMatch(p -> p.contains("Task_Orphan has no camunda:formRef"));
  }

  private static List<String> bpmnProblems(Path processes, Set<String> formIds) throws IOException {
    Set<String> beans = componentBeanNames();
    List<String> problems = new ArrayList<>();
    List<Path> models = files(processes, ".bpmn");

    for (Path file : models) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Bpmn.validateModel(model);
      String name = file.getFileName().toString();
      checkPlatform(model.getDocument().getRootElement().getAttribute(
          "http://camunda.org/schema/modeler/1.0", "executionPlatformVersion"), name, problems);

      for (Process process : model.getModelElementsByType(Process.class)) {
        if (!name.equals(process.getId() + ".bpmn")) {
          problems.add(name + ": file must be named after its process id " + process.getId());
        }
        if (process.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(name + ": process " + process.getId() + " has no camunda:historyTimeToLive");
        }
        if (process.getCamundaVersionTag() == null) {
          problems.add(name + ": process " + process.getId() + " has no camunda:versionTag");
        }
      }

      Set<String> shapes = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> shapes.add(e.getBpmnElement().getId()));
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        if (!shapes.contains(node.getId())) {
          problems.add(name + ": " + node.getId() + " has no diagram shape (Modeler would not show it)");
        }
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (!shapes.contains(flow.getId())) {
          problems.add(name + ": " + flow.getId() + " has no diagram edge");
        }
      }
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        if (element.getId() != null && GENERATED_ID.matcher(element.getId()).matches()) {
          problems.add(name + ": " + element.getId() + " is a generated id; name it after what it does");
        }
      }

      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        checkDelegate(name, task.getId(), task.getCamundaDelegateExpression(), beans, problems);
      }
      for (SendTask task : model.getModelElementsByType(SendTask.class)) {
        checkDelegate(name, task.getId(), task.getCamundaDelegateExpression(), beans, problems);
      }
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        if (task.getCamundaDecisionRef() == null) {
          checkDelegate(name, task.getId(), task.getCamundaDelegateExpression(), beans, problems);
        }
      }
      for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
        checkDelegate(name, "execution listener", listener.getCamundaDelegateExpression(), beans, problems);
      }
      for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
        checkDelegate(name, "task listener", listener.getCamundaDelegateExpression(), beans, problems);
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
          problems.add(name + ": user task " + task.getId() + " has no candidate groups");
        }
        checkForm(name, task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), formIds, problems);
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          checkForm(name, start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), formIds, problems);
        }
      }
    }
    return problems;
  }

  @Test
  void everyDmnModelFollowsTheConventions() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files(PROCESSES, ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      String name = file.getFileName().toString();
      checkPlatform(model.getDocument().getRootElement().getAttribute(
          "http://camunda.org/schema/modeler/1.0", "executionPlatformVersion"), name, problems);
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        if (decision.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(name + ": decision " + decision.getId() + " has no camunda:historyTimeToLive");
        }
        if (decision.getVersionTag() == null) {
          problems.add(name + ": decision " + decision.getId() + " has no camunda:versionTag");
        }
      }
      if (!Files.readString(file).contains("DMNDiagram")) {
        problems.add(name + ": no diagram interchange (DMNDI)");
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(classes = {ComplaintHandlingProcess.class, CompensationApprovalProcess.class,
      EmployeeAwardProcess.class})
  void everyIdTheCodeRefersToExistsInTheModel(Class<?> constants) throws Exception {
    String key = (String) constants.getField("KEY").get(null);
    BpmnModelInstance model = Bpmn.readModelFromFile(PROCESSES.resolve(key + ".bpmn").toFile());
    List<DmnModelInstance> decisions = new ArrayList<>();
    for (Path file : files(PROCESSES, ".dmn")) {
      decisions.add(Dmn.readModelFromFile(file.toFile()));
    }
    Set<String> formIds = formIds();
    List<String> problems = new ArrayList<>();
    for (Field field : constants.getFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
        continue;
      }
      String id = (String) field.get(null);
      boolean found = field.getName().equals("KEY") ? model.getModelElementById(id) instanceof Process
          : field.getName().startsWith("DECISION_") ? decisions.stream().anyMatch(d -> d.getModelElementById(id) != null)
          : field.getName().startsWith("FORM_") ? formIds.contains(id)
          : model.getModelElementById(id) != null;
      if (!found) {
        problems.add(constants.getSimpleName() + "." + field.getName() + " = " + id + " is not in the models");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFormTargetsTasklist724() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Path file : files(FORMS, ".form")) {
      JsonNode form = json.readTree(file.toFile());
      assertThat(form.get("schemaVersion").asInt()).as(file + " schemaVersion").isLessThanOrEqualTo(16);
      assertThat(form.get("id").asText()).as(file + " id").isEqualTo(file.getFileName().toString().replace(".form", ""));
      assertThat(form.get("executionPlatformVersion").asText()).as(file.toString()).startsWith("7.24");
    }
  }

  private static void checkPlatform(String version, String name, List<String> problems) {
    if (version == null || !version.startsWith("7.24")) {
      problems.add(name + ": modeler:executionPlatformVersion must be 7.24.x, is " + version);
    }
  }

  private static void checkDelegate(String file, String element, String expression, Set<String> beans,
      List<String> problems) {
    if (expression == null) {
      problems.add(file + ": " + element + " must use camunda:delegateExpression=\"${beanName}\"");
      return;
    }
    Matcher bean = EXPRESSION_BEAN.matcher(expression);
    if (!bean.matches()) {
      problems.add(file + ": " + element + " delegate expression " + expression + " must name one bean");
    } else if (!beans.contains(bean.group(1))) {
      problems.add(file + ": " + element + " names bean '" + bean.group(1) + "', which does not exist");
    }
  }

  private static void checkForm(String file, String element, String formRef, String binding, Set<String> formIds,
      List<String> problems) {
    if (formRef == null) {
      problems.add(file + ": " + element + " has no camunda:formRef");
    } else if (!formIds.contains(formRef)) {
      problems.add(file + ": " + element + " refers to form '" + formRef + "', which is not in forms/");
    } else if (!"deployment".equals(binding)) {
      problems.add(file + ": " + element + " must bind its form with camunda:formRefBinding=\"deployment\"");
    }
  }

  /** Names of every @Component bean in the application, computed as Spring does. */
  private static Set<String> componentBeanNames() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> beans = new HashSet<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("com.redress")) {
      beans.add(names.generateBeanName(definition, registry));
    }
    return beans;
  }

  private static Set<String> formIds() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    for (Path file : files(FORMS, ".form")) {
      ids.add(json.readTree(file.toFile()).get("id").asText());
    }
    return ids;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
