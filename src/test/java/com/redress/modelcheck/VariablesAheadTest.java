package com.redress.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.complaint.ComplaintHandlingProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
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

    assertThat(ahead.missing(Set.of(ComplaintHandlingProcess.TASK_TRIAGE), registered)).isEmpty();
    Set<String> classified = new HashSet<>(registered);
    classified.addAll(written("applyClassificationDelegate"));
    assertThat(ahead.missing(Set.of(ComplaintHandlingProcess.TASK_HANDLE), classified)).isEmpty();
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

    assertThat(ahead.missing(Set.of(ComplaintHandlingProcess.GATEWAY_AWAIT_SURVEY), resolved))
        .containsExactly(new VariablesAhead.Need(ComplaintHandlingProcess.REOPEN_COUNT.name(), "Gateway_ReopenAllowed"));
  }

  @Test
  void aConditionOnAVariableNoStepWritesIsNeededByEveryComplaintBeforeIt() throws IOException {
    String model = Files.readString(Path.of("processes/ComplaintHandling.bpmn"))
        .replace("${compensationType == 'NONE'}", "${compensationType == 'NONE' &amp;&amp; priority != 'HIGH'}");
    VariablesAhead ahead = complaintHandling(model);
    Set<String> classified = written("registerComplaintDelegate");
    classified.addAll(written("applyClassificationDelegate"));

    assertThat(ahead.missing(Set.of(ComplaintHandlingProcess.TASK_HANDLE), classified))
        .containsExactly(new VariablesAhead.Need("priority", "Gateway_CompensationProposed"));
  }

  private static Set<String> written(String step) {
    return new HashSet<>(ProcessContract.REDRESS.get(0).stepWrites().get(step));
  }

  private static VariablesAhead complaintHandling(String model) throws IOException {
    List<ModelProblem> problems = new ArrayList<>();
    Map<String, Set<String>> forms = new LinkedHashMap<>();
    FormCheck.read(resources("forms", ".form"), problems).forEach((id, form) -> forms.put(id, form.fields()));
    Map<String, Set<String>> decisions = new LinkedHashMap<>();
    DmnCheck.read(resources("processes", ".dmn"), problems).forEach((id, decision) -> decisions.put(id,
        decision.inputVariables().values().stream().flatMap(Set::stream).collect(Collectors.toSet())));
    Set<String> beans = new HashSet<>(BEANS.delegates());
    beans.addAll(BEANS.exposed());
    return new VariablesAhead(Bpmn.readModelFromStream(new ByteArrayInputStream(
        model.getBytes(StandardCharsets.UTF_8))), forms, decisions, ProcessContract.REDRESS.get(0).stepWrites(), beans);
  }

  private static List<ModelResource> resources(String folder, String extension) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      List<ModelResource> resources = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(extension)).toList()) {
        resources.add(new ModelResource(file.getFileName().toString(), Files.readAllBytes(file)));
      }
      return resources;
    }
  }
}
