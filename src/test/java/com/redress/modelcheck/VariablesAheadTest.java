package com.redress.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.award.EmployeeAwardProcess;
import com.redress.compensation.CompensationApprovalProcess;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.shared.ProcessVariable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;

/**
 * What the shipped ComplaintHandling reads ahead of a waiting complaint that nothing on the way
 * writes: nothing for a complaint that has what its earlier steps wrote, a reopening's counter for a
 * complaint that lacks it (read at the gateway a second survey round passes, though the resolution
 * notice ahead writes it again), and a condition's new variable that no step writes.
 */
class VariablesAheadTest {

  private static final ModelBeans BEANS = ModelBeans.scanned();

  @Test
  void everyStepThatWritesIsADelegateListenerOrMessageOfItsProcess() {
    for (ProcessContract contract : ProcessContract.REDRESS) {
      assertThat(contract.stepWrites().keySet()).as(contract.owner() + ".STEP_WRITES").allSatisfy(step ->
          assertThat(BEANS.delegates().contains(step) || contract.elementIds().containsKey(step))
              .as(step + " is a delegate or listener bean, or a message of " + contract.key()).isTrue());
    }
  }

  @Test
  void aComplaintWithWhatItsEarlierStepsWroteNeedsNothingMore() throws IOException {
    VariablesAhead ahead = complaintHandling(Files.readString(Path.of("processes/ComplaintHandling.bpmn")));
    Set<String> registered = written("registerComplaintDelegate");
    registered.add("classification");

    assertThat(ahead.missing(Set.of(ComplaintHandlingProcess.TASK_TRIAGE), Set.of(), registered)).isEmpty();
    Set<String> classified = new HashSet<>(registered);
    classified.addAll(written("applyClassificationDelegate"));
    assertThat(ahead.missing(Set.of(ComplaintHandlingProcess.TASK_HANDLE), Set.of(), classified)).isEmpty();
  }

  @Test
  void aSurveyedComplaintWithoutItsReopeningCounterNeedsIt() throws IOException {
    VariablesAhead ahead = complaintHandling(Files.readString(Path.of("processes/ComplaintHandling.bpmn")));
    Set<String> resolved = written("registerComplaintDelegate");
    resolved.addAll(written("applyClassificationDelegate"));
    resolved.addAll(written("validateHandlingOutcomeListener"));
    resolved.addAll(written("notifyResolutionDelegate"));
    resolved.add("classification");
    resolved.remove(ComplaintHandlingProcess.REOPEN_COUNT.name());

    assertThat(ahead.missing(Set.of(ComplaintHandlingProcess.GATEWAY_AWAIT_SURVEY), Set.of(), resolved))
        .containsExactly(new VariablesAhead.Need(ComplaintHandlingProcess.REOPEN_COUNT.name(), "Gateway_ReopenAllowed"));
  }

  @Test
  void aConditionOnAVariableNoStepWritesIsNeededByEveryComplaintBeforeIt() throws IOException {
    String model = Files.readString(Path.of("processes/ComplaintHandling.bpmn"))
        .replace("${compensationType == 'NONE'}", "${compensationType == 'NONE' &amp;&amp; priority != 'HIGH'}");
    VariablesAhead ahead = complaintHandling(model);
    Set<String> classified = written("registerComplaintDelegate");
    classified.addAll(written("applyClassificationDelegate"));

    assertThat(ahead.missing(Set.of(ComplaintHandlingProcess.TASK_HANDLE), Set.of(), classified))
        .containsExactly(new VariablesAhead.Need("priority", "Gateway_CompensationProposed"));
  }

  @Test
  void aFieldTheFormShowsDisabledIsNoWriteAndAStartedStepsOwnInputsAreBehindIt() throws IOException {
    // the review form shows surveyScore disabled: Tasklist does not submit it
    String readsTheScore = "<camunda:inputOutput><camunda:inputParameter name=\"score\">${surveyScore}"
        + "</camunda:inputParameter></camunda:inputOutput>";
    String model = Files.readString(Path.of("processes/ComplaintHandling.bpmn"))
        .replace("camunda:delegateExpression=\"${closeComplaintDelegate}\">",
            "camunda:delegateExpression=\"${closeComplaintDelegate}\"><bpmn:extensionElements>" + readsTheScore
                + "</bpmn:extensionElements>");
    VariablesAhead ahead = complaintHandling(model);
    Set<String> reviewing = written("registerComplaintDelegate");
    reviewing.addAll(written("applyClassificationDelegate"));

    assertThat(ahead.missing(Set.of(ComplaintHandlingProcess.TASK_REVIEW_QUALITY), Set.of(), reviewing))
        .containsExactly(new VariablesAhead.Need(ComplaintHandlingProcess.SURVEY_SCORE.name(),
            ComplaintHandlingProcess.TASK_CLOSE));
    assertThat(ahead.missing(Set.of(ComplaintHandlingProcess.TASK_CLOSE), Set.of(), reviewing))
        .as("the close step has started: it read its inputs").isEmpty();
    assertThat(ahead.missing(Set.of(), Set.of(ComplaintHandlingProcess.TASK_CLOSE), reviewing))
        .as("about to start it").isNotEmpty();
  }

  @Test
  void everyVariableTheShippedModelsReadIsWrittenBeforeFromTheStartOn() {
    BpmnModelInstance complaintHandling = shipped(ComplaintHandlingProcess.KEY);
    // a called approval starts with what the complaint hands it
    Set<String> handedOver = complaintHandling.getModelElementsByType(CamundaIn.class).stream()
        .map(CamundaIn::getCamundaTarget).filter(Objects::nonNull).collect(Collectors.toSet());
    Map<String, Set<String>> startsWith = Map.of(ComplaintHandlingProcess.KEY, Set.of(),
        CompensationApprovalProcess.KEY, handedOver, EmployeeAwardProcess.KEY, Set.of());
    startsWith.forEach((process, given) -> {
      BpmnModelInstance model = shipped(process);
      List<String> starts = model.getModelElementsByType(Process.class).stream()
          .flatMap(p -> p.getChildElementsByType(StartEvent.class).stream()).map(StartEvent::getId).toList();
      assertThat(VariablesAhead.of(model, process, modelsAndForms(), BEANS).missing(Set.of(), starts, given))
          .as(process + ": a variable read before any step writes it (is a write missing from STEP_WRITES?)")
          .isEmpty();
    });
  }

  private static Set<String> written(String step) {
    return new HashSet<>(ComplaintHandlingProcess.STEP_WRITES.get(step).stream().map(ProcessVariable::name).toList());
  }

  private static VariablesAhead complaintHandling(String model) {
    return VariablesAhead.of(Bpmn.readModelFromStream(new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8))),
        ComplaintHandlingProcess.KEY, modelsAndForms(), BEANS);
  }

  private static BpmnModelInstance shipped(String process) {
    return Bpmn.readModelFromFile(Path.of("processes", process + ".bpmn").toFile());
  }

  /** The shipped forms and decisions, deployed with every process. */
  private static List<ModelResource> modelsAndForms() {
    List<ModelResource> resources = new ArrayList<>();
    for (String[] folder : new String[][] {{"forms", ".form"}, {"processes", ".dmn"}}) {
      try (Stream<Path> files = Files.list(Path.of(folder[0]))) {
        for (Path file : files.filter(f -> f.toString().endsWith(folder[1])).toList()) {
          resources.add(new ModelResource(file.getFileName().toString(), Files.readAllBytes(file)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return resources;
  }
}
