package com.redress.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.Category;
import com.redress.complaint.CustomerTier;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.Http;
import com.redress.support.TestUsers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process analysts deploy from Camunda Modeler through engine REST: the model check stands in
 * the way of a broken model, a good one becomes the version new complaints run on while running
 * ones stay on theirs, and nobody else but admins may deploy.
 */
class ModelDeploymentTest extends ApplicationTest {

  private static final String BOUNDARY = "----RedressModelerDeployment";

  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ComplaintService complaints;

  private final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void users() {
    TestUsers.ensure(identity, "ana-analyst", Groups.PROCESS_ANALYSTS);
    TestUsers.ensure(identity, "hal-handler", "team-billing");
  }

  @AfterEach
  void removeTheTestVersions() {
    // the versions deployed here must not carry other tests' complaints
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void aBrokenModelIsRefusedWithTheChecksMessages() throws IOException {
    String broken = model().replace("${registerComplaintDelegate}", "${registerComplaintDelegat}")
        .replace("Task_HandleComplaint", "Activity_1x2y3z4");
    long versionsBefore = versions();

    HttpResponse<String> response = deploy("ana-analyst", broken);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = Http.json(response);
    assertThat(body.get("type").asText()).isEqualTo("ParseException");
    assertThat(body.get("message").asText()).contains("refused by the model check")
        .contains("names bean 'registerComplaintDelegat', which does not exist");
    JsonNode errors = body.at("/details/ComplaintHandling.bpmn/errors");
    assertThat(errors.findValuesAsText("mainElementId"))
        .contains("Task_RegisterComplaint", "Task_HandleComplaint", "Activity_1x2y3z4");
    assertThat(errors.findValuesAsText("message")).anyMatch(m -> m.startsWith(
        "is missing, but code depends on it (ComplaintHandlingProcess.TASK_HANDLE). Fix: give the element"));
    assertThat(versions()).isEqualTo(versionsBefore);
  }

  @Test
  void aModelReachingForTheApplicationsBeansIsRefused() throws IOException {
    // dataSource is no component of Redress: only the running application knows it is a bean
    HttpResponse<String> response = deploy("ana-analyst", model().replace("${!duplicate}", "${!dataSource.connection.closed}"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).get("message").asText())
        .contains("Flow_NotDuplicate: expression ${!dataSource.connection.closed} reads bean 'dataSource'");
  }

  @Test
  void aModelUnderAnotherSuffixIsRefusedAndNeverRuns(@TempDir Path folder) throws IOException {
    Path marker = folder.resolve("owned");
    String probe = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="probe">
          <process id="Probe" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="Start"><timerEventDefinition><timeCycle>R1/PT1S</timeCycle></timerEventDefinition></startEvent>
            <sequenceFlow id="F1" sourceRef="Start" targetRef="Run"/>
            <serviceTask id="Run" camunda:expression="${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime')        .invoke(null).exec('touch MARKER')}"/>
            <sequenceFlow id="F2" sourceRef="Run" targetRef="End"/>
            <endEvent id="End"/>
          </process>
        </definitions>
        """.replace("MARKER", marker.toString());
    long probes = repository.createProcessDefinitionQuery().processDefinitionKey("Probe").count();

    HttpResponse<String> response = deployFiles("ana-analyst", Map.of("probe.bpmn20.xml", probe));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).get("message").asText())
        .contains("probe.bpmn20.xml -: is not a model Redress deploys");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Probe").count()).isEqualTo(probes);
    assertThat(marker).doesNotExist();
  }

  @Test
  void aCallHiddenBehindABraceInAStringIsRefused(@TempDir Path folder) throws IOException {
    Path marker = folder.resolve("owned");
    String condition = "${'}'.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
        + ".exec('touch " + marker + "') != null}";

    HttpResponse<String> response = deploy("ana-analyst", model().replace("${!duplicate}", condition));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).get("message").asText()).contains("Flow_NotDuplicate: expression ")
        .contains("calls a method");
    assertThat(marker).doesNotExist();
  }

  @Test
  void aStepThatRunsAnythingButADelegateIsRefused() throws IOException {
    for (String step : List.of("camunda:type=\"shell\"", "camunda:class=\"org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior\"",
        "activiti:type=\"mail\" xmlns:activiti=\"http://activiti.org/bpmn\"")) {
      HttpResponse<String> response = deploy("ana-analyst", model().replace(
          "camunda:delegateExpression=\"${registerComplaintDelegate}\"",
          "camunda:delegateExpression=\"${registerComplaintDelegate}\" " + step));

      assertThat(response.statusCode()).as(step).isEqualTo(400);
      assertThat(Http.json(response).get("message").asText()).as(step).contains("Task_RegisterComplaint: sets camunda:")
          .contains("which runs code");
    }
  }

  @Test
  void aValidModelBecomesTheVersionNewComplaintsRunOn() throws IOException {
    String running = complaints.submit(Complaints.of(Category.BILLING, CustomerTier.STANDARD), null, null).reference();
    String before = instance(running).getProcessDefinitionId();

    HttpResponse<String> response = deploy("ana-analyst",
        model().replace("camunda:versionTag=\"1.6.0\"", "camunda:versionTag=\"1.6.1\""));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    deployments.add(Http.json(response).get("id").asText());
    String started = complaints.submit(Complaints.of(Category.BILLING, CustomerTier.STANDARD), null, null).reference();
    assertThat(repository.getProcessDefinition(instance(started).getProcessDefinitionId()).getVersionTag())
        .isEqualTo("1.6.1");
    assertThat(instance(running).getProcessDefinitionId()).isEqualTo(before);
  }

  @Test
  void onlyAnalystsAndAdminsMayDeploy() throws IOException {
    HttpResponse<String> response = deploy("hal-handler", model());

    assertThat(response.statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> deployFiles(String user, Map<String, String> files) {
    StringBuilder body = new StringBuilder();
    part(body, "deployment-name", null, "from Modeler");
    files.forEach((name, content) -> part(body, name, name, content));
    body.append("--").append(BOUNDARY).append("--\r\n");
    return new Http(port).as(user, TestUsers.PASSWORD).post("/engine-rest/deployment/create",
        "multipart/form-data; boundary=" + BOUNDARY, body.toString());
  }

  private HttpResponse<String> deploy(String user, String complaintHandling) throws IOException {
    StringBuilder body = new StringBuilder();
    part(body, "deployment-name", null, "ComplaintHandling from Modeler");
    part(body, "deployment-source", null, "Camunda Modeler");
    part(body, "ComplaintHandling.bpmn", "ComplaintHandling.bpmn", complaintHandling);
    // forms, decisions and the called process are bound to the deployment: Modeler deploys them along
    // (the English ones: forms/zh-CN/ holds the same forms in Chinese)
    try (Stream<Path> files = Stream.concat(Files.list(Path.of("forms")).filter(Files::isRegularFile),
        Stream.of("ComplaintClassification.dmn",
        "CompensationPolicy.dmn", "CompensationApproval.bpmn").map(name -> Path.of("processes", name)))) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        part(body, name, name, Files.readString(file));
      }
    }
    body.append("--").append(BOUNDARY).append("--\r\n");
    return new Http(port).as(user, TestUsers.PASSWORD).post("/engine-rest/deployment/create",
        "multipart/form-data; boundary=" + BOUNDARY, body.toString());
  }

  private static void part(StringBuilder body, String name, String fileName, String content) {
    body.append("--").append(BOUNDARY).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append('"')
        .append(fileName == null ? "" : "; filename=\"" + fileName + "\"").append("\r\n")
        .append(fileName == null ? "" : "Content-Type: application/octet-stream\r\n")
        .append("\r\n").append(content).append("\r\n");
  }

  private static String model() throws IOException {
    return Files.readString(Path.of("processes/ComplaintHandling.bpmn"));
  }

  private long versions() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(ComplaintHandlingProcess.KEY).count();
  }

  private ProcessInstance instance(String reference) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult();
  }
}
