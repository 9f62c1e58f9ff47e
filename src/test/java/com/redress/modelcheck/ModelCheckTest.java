package com.redress.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model check on the shipped models (they pass) and on deliberately broken copies of each,
 * the way an analyst's edit in Modeler would break them: every break is reported with its file,
 * element id and a fix, and the command exits non-zero.
 */
class ModelCheckTest {

  @TempDir
  Path copy;

  @BeforeEach
  void copyTheModels() throws IOException {
    for (String folder : List.of("processes", "forms")) {
      Files.createDirectories(copy.resolve(folder));
      // the models and their own forms; the forms in other languages are checked by theShippedModelsPass...
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.copy(file, copy.resolve(folder).resolve(file.getFileName()));
        }
      }
    }
  }

  @Test
  void theShippedModelsPassWithoutWarnings() {
    Run run = command("processes", "forms");

    assertThat(run.exitCode()).as(run.output()).isZero();
    // the models, their forms, and the forms in Chinese (forms/zh-CN/), each language checked with the models
    assertThat(run.output()).endsWith("25 files checked: 0 errors, 0 warnings\n");
  }

  @Test
  void aTaskWhoseFormIsMissing() throws IOException {
    Files.delete(copy.resolve("forms/HandleComplaint.form"));

    assertThat(check()).anySatisfy(p -> assertProblem(p, "ComplaintHandling.bpmn", "Task_HandleComplaint",
        "refers to form 'HandleComplaint', which is not among the checked files"));
  }

  @Test
  void aCalledProcessThatMustComeAlong() throws IOException {
    Files.delete(copy.resolve("processes/CompensationApproval.bpmn"));

    assertThat(check()).anySatisfy(p -> assertProblem(p, "ComplaintHandling.bpmn", "CallActivity_ApproveCompensation",
        "calls process 'CompensationApproval' from its own deployment, but it is not among the checked files"));
  }

  @Test
  void aDelegateNamingABeanThatDoesNotExist() throws IOException {
    edit("processes/ComplaintHandling.bpmn", "${registerComplaintDelegate}", "${registerComplaintDelegat}");

    assertThat(check()).anySatisfy(p -> assertProblem(p, "ComplaintHandling.bpmn", "Task_RegisterComplaint",
        "names bean 'registerComplaintDelegat', which does not exist"));
  }

  @Test
  void aProcessWithoutHistoryTimeToLive() throws IOException {
    edit("processes/CompensationApproval.bpmn", "camunda:historyTimeToLive=\"3650\"", "");

    assertThat(check()).anySatisfy(p -> assertProblem(p, "CompensationApproval.bpmn", "CompensationApproval",
        "Property <historyTimeToLive> should be configured on <bpmn:Process> or engine level"));
  }

  @Test
  void anIdCodeUsesReplacedByAGeneratedOne() throws IOException {
    edit("processes/CompensationApproval.bpmn", "Task_ApproveCompensation", "Activity_0k2j3h4");

    assertThat(check())
        .anySatisfy(p -> assertProblem(p, "CompensationApproval.bpmn", "Task_ApproveCompensation",
            "is missing, but code depends on it (CompensationApprovalProcess.TASK_APPROVE)"))
        .anySatisfy(p -> assertProblem(p, "CompensationApproval.bpmn", "Activity_0k2j3h4", "is a generated id"));
  }

  @Test
  void aFormFieldCodeReadsIsGone() throws IOException {
    edit("forms/HandleComplaint.form", "\"key\": \"compensationType\"", "\"key\": \"compensationKind\"");

    assertThat(check()).anySatisfy(p -> assertProblem(p, "HandleComplaint.form", "HandleComplaint",
        "has no field with key 'compensationType', which ComplaintHandlingProcess reads when the task completes"));
  }

  @Test
  void aConditionReadingAVariableNobodyProvides() throws IOException {
    edit("processes/CompensationApproval.bpmn", "${approvalDecision == 'REJECT'}", "${approvalVerdict == 'REJECT'}");

    assertThat(check()).anySatisfy(p -> assertProblem(p, "CompensationApproval.bpmn", "Flow_Rejected",
        "condition after Task_ApproveCompensation reads 'approvalVerdict', which neither form ApproveCompensation nor the code provides"));
  }

  @Test
  void aDecisionInputNoCallerProvides() throws IOException {
    edit("processes/ComplaintClassification.dmn", "<text>channel</text>", "<text>contactChannel</text>");

    assertThat(check()).anySatisfy(p -> assertProblem(p, "ComplaintClassification.dmn", "Input_Channel",
        "decision ComplaintClassification reads 'contactChannel', which no caller provides"));
  }

  @Test
  void aHitPolicyTheCallerCannotUse() throws IOException {
    edit("processes/CompensationPolicy.dmn", "hitPolicy=\"FIRST\"", "hitPolicy=\"COLLECT\"");
    edit("processes/ComplaintClassification.dmn", "hitPolicy=\"FIRST\"", "hitPolicy=\"PRIORITY\"");

    assertThat(check())
        .anySatisfy(p -> assertProblem(p, "CompensationApproval.bpmn", "Task_EvaluatePolicy",
            "maps a single result, but decision CompensationPolicy (hit policy COLLECT) can return several"))
        .anySatisfy(p -> assertProblem(p, "ComplaintClassification.dmn", "ComplaintClassification",
            "hit policy PRIORITY is not supported by Camunda 7"));
  }

  @Test
  void aFormNewerThanTasklistRenders() throws IOException {
    edit("forms/ReviewQuality.form", "\"schemaVersion\": 16", "\"schemaVersion\": 17");

    assertThat(check()).anySatisfy(p -> assertProblem(p, "ReviewQuality.form", "ReviewQuality",
        "schemaVersion is 17; Tasklist 7.24 renders up to 16"));
  }

  @Test
  void modelersLintRules() throws IOException {
    edit("processes/EmployeeAward.bpmn", "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${!runOpened}</bpmn:conditionExpression>", "");
    edit("processes/EmployeeAward.bpmn", "name=\"Objection window\"", "");

    assertThat(check())
        .anySatisfy(p -> assertProblem(p, "EmployeeAward.bpmn", "Flow_AlreadyRun", "Sequence flow is missing condition"))
        .noneMatch(p -> p.element().equals("SubProcess_ObjectionWindow")); // sub-processes need no label
  }

  @Test
  void expressionsThatReachIntoTheApplication() throws IOException {
    edit("processes/ComplaintHandling.bpmn", "${duplicate}", "${jdbcTemplate.execute('DROP TABLE complaint')}");
    edit("processes/ComplaintHandling.bpmn", "${!duplicate}", "${compensationService.currency == null}");
    edit("processes/ComplaintHandling.bpmn", "${registerComplaintDelegate}", "${compensationService}");
    edit("processes/ComplaintClassification.dmn", "<inputExpression id=\"InputExpression_Channel\" typeRef=\"string\">",
        "<inputExpression id=\"InputExpression_Channel\" typeRef=\"string\" expressionLanguage=\"juel\">");

    assertThat(check())
        .anySatisfy(p -> assertProblem(p, "ComplaintHandling.bpmn", "Flow_Duplicate",
            "expression ${jdbcTemplate.execute('DROP TABLE complaint')} calls a method"))
        .anySatisfy(p -> assertProblem(p, "ComplaintHandling.bpmn", "Flow_NotDuplicate",
            "expression ${compensationService.currency == null} reads bean 'compensationService'"))
        .anySatisfy(p -> assertProblem(p, "ComplaintHandling.bpmn", "Task_RegisterComplaint",
            "names bean 'compensationService', which is not a delegate or listener"))
        .anySatisfy(p -> assertProblem(p, "ComplaintClassification.dmn", "InputExpression_Channel",
            "uses expression language 'juel'"));
  }

  @Test
  void aRenamedMessageCodeCorrelatesBy() throws IOException {
    edit("processes/ComplaintHandling.bpmn", "name=\"Msg_SurveyAnswered\"", "name=\"SurveyAnswered\"");

    assertThat(check()).anySatisfy(p -> assertProblem(p, "ComplaintHandling.bpmn", "Msg_SurveyAnswered",
        "message name is 'SurveyAnswered', but code correlates by the name Msg_SurveyAnswered "
            + "(ComplaintHandlingProcess.MESSAGE_SURVEY_ANSWERED)"));
  }

  @Test
  void aDecisionFileCheckedOnItsOwn() {
    Run run = command("processes/CompensationPolicy.dmn");

    assertThat(run.exitCode()).as(run.output()).isZero();
  }

  @Test
  void conventionsModelerLetsThrough() throws IOException {
    BpmnModelInstance broken = Bpmn.createExecutableProcess("Broken")
        .startEvent("Start_Broken").name("Start")
        .serviceTask("Task_ByClass").name("By class").camundaClass("com.example.SomeDelegate")
        .userTask("Task_Orphan").name("Orphan")
        .endEvent("End_Broken").name("End")
        .done();
    broken.<Process>getModelElementById("Broken").setCamundaHistoryTimeToLiveString("30");
    Bpmn.writeModelToFile(copy.resolve("processes/Broken.bpmn").toFile(), broken);

    assertThat(check())
        .anySatisfy(p -> assertProblem(p, "Broken.bpmn", "Broken", "has no version tag"))
        .anySatisfy(p -> assertProblem(p, "Broken.bpmn", "-", "is made for execution platform null, not Camunda 7.24"))
        .anySatisfy(p -> assertProblem(p, "Broken.bpmn", "Task_ByClass", "has no delegate expression"))
        .anySatisfy(p -> assertProblem(p, "Broken.bpmn", "Task_Orphan", "has no candidate groups"))
        .anySatisfy(p -> assertProblem(p, "Broken.bpmn", "Task_Orphan", "has no form"));
  }

  @Test
  void theCommandPrintsEachProblemWithItsFixAndFails() throws IOException {
    edit("processes/ComplaintHandling.bpmn", "${registerComplaintDelegate}", "${registerComplaintDelegat}");

    Run run = command(copy.resolve("processes").toString(), copy.resolve("forms").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output()).contains(copy.resolve("processes/ComplaintHandling.bpmn") + " Task_RegisterComplaint:"
        + " names bean 'registerComplaintDelegat', which does not exist."
        + " Fix: pick the step from the Redress element templates instead of typing the bean name");
    assertThat(command("no-such-folder").exitCode()).isEqualTo(2);
  }

  private List<ModelProblem> check() {
    Run run = command(copy.resolve("processes").toString(), copy.resolve("forms").toString());
    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    List<ModelResource> resources = Stream.of("processes", "forms").flatMap(this::files).toList();
    return ModelCheck.withScannedBeans().check(resources);
  }

  private Stream<ModelResource> files(String folder) {
    try (Stream<Path> files = Files.list(copy.resolve(folder))) {
      return files.sorted().map(f -> new ModelResource(f.toString(), read(f))).toList().stream();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = copy.resolve(file);
    String text = Files.readString(path);
    assertThat(text).as(file).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  private static void assertProblem(ModelProblem problem, String file, String element, String message) {
    assertThat(problem.file()).endsWith("/" + file);
    assertThat(problem.element()).isEqualTo(element);
    assertThat(problem.message()).isEqualTo(message);
    assertThat(problem.isError()).isTrue();
  }

  private record Run(int exitCode, String output) {
  }

  private static Run command(String... arguments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = CheckModelsCommand.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8));
  }
}
