package com.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.ComplaintStatus;
import com.redress.complaint.CustomerTier;
import com.redress.award.EmployeeAwardProcess;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.TasklistSession;
import com.redress.support.TestUsers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The security test's requests against engine REST, each now refused: another complaint resolved
 * through a path variant, a case ended by an uncaught BPMN error, running complaints deleted with
 * their deployment, a closed complaint started again, Redress's messages correlated by staff.
 */
class EngineRestAttackTest extends ApplicationTest {

  private static final String OUTCOME = "\"rootCause\": {\"value\": \"STAFF_ERROR\"}, \"resolution\": {\"value\":"
      + " \"Replaced it.\"}, \"serviceFailureAcknowledged\": {\"value\": true}, \"compensationType\": {\"value\": \"NONE\"}";

  @Autowired ComplaintService complaints;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;
  @Autowired DeploymentGrants deploymentGrants;

  private String handler;

  @BeforeEach
  void users() {
    handler = TestUsers.ensure(engine.getIdentityService(), "attack-leo", Groups.TEAM_LOGISTICS);
    TestUsers.ensure(engine.getIdentityService(), "attack-admin", Groups.CAMUNDA_ADMIN);
    TestUsers.ensure(engine.getIdentityService(), "attack-ana", Groups.PROCESS_ANALYSTS);
    TestUsers.ensure(engine.getIdentityService(), "attack-ivy", Groups.INTAKE_AGENTS);
    TestUsers.ensure(engine.getIdentityService(), "attack-carla", Groups.AWARD_COMMITTEE);
  }

  @Test
  void noPathVariantLetsAHandlerResolveAnotherComplaint() {
    String own = registered(Category.DAMAGE);
    String victim = registered(Category.SAFETY);
    String taskId = Handling.task(engine, own, ComplaintHandlingProcess.TASK_HANDLE).getId();
    Http leo = http.as(handler, TestUsers.PASSWORD);
    leo.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + handler + "\"}");
    String steer = "{\"variables\": {" + OUTCOME + ", \"complaintReference\": {\"value\": \"" + victim + "\"}}}";
    String write = "{\"modifications\": {\"complaintReference\": {\"value\": \"" + victim + "\"}}}";

    // every guarded write, through every spelling that engine REST would route to it
    List<String> spellings = List.of("/engine-rest/task/ID/OP/", "/engine-rest/task/ID/OP;x=1",
        "/engine-rest//task/ID/OP", "/engine-rest/task/ID/%6FP", "/engine-rest/task/ID/OP%2F",
        "/engine-rest/engine/default/task/ID/OP", "/engine-rest/engine/default/task/ID/OP/", "/engine-rest/task/./ID/OP",
        "/engine-rest/task/ID/../ID/OP", "/engine-rest/TASK/ID/OP");
    for (String operation : List.of("complete", "submit-form", "resolve", "variables", "localVariables")) {
      String body = operation.endsWith("ariables") ? write : steer;
      for (String spelling : spellings) {
        String path = spelling.replace("ID", taskId).replace("%6FP", "%" + Integer.toHexString(operation.charAt(0))
            + operation.substring(1)).replace("OP", operation);
        HttpResponse<String> response = leo.postJson(path, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(400, 403, 404);
      }
    }
    assertThat(leo.put("/engine-rest/task/" + taskId + "/variables/complaintReference/",
        "{\"value\": \"" + victim + "\"}").statusCode()).isEqualTo(403);
    assertThat(leo.post("/engine-rest/task/" + taskId + "/variables/complaintReference/data",
        "multipart/form-data; boundary=x", "--x--\r\n").statusCode()).isEqualTo(403);

    // the webapps' door, signed in to Tasklist: the same list, read from the session
    TasklistSession tasklist = TasklistSession.signIn(port, handler, TestUsers.PASSWORD);
    for (String path : List.of("/task/ID/variables/complaintReference/data", "/task/ID/localVariables/x/data",
        "/message", "/task/ID/bpmnError", "/process-definition/key/ComplaintHandling/start")) {
      HttpResponse<String> response = tasklist.post(path.replace("ID", taskId), "{}");
      assertThat(response.statusCode()).as("Tasklist " + path + ": " + response.body()).isEqualTo(403);
    }
    assertThat(tasklist.post("/task/" + taskId + "/complete/", steer).statusCode()).isIn(400, 403);

    assertThat(complaints.get(victim).status()).isNotIn(ComplaintStatus.AWAITING_FEEDBACK, ComplaintStatus.RESOLVED);
    assertThat(Handling.task(engine, own, ComplaintHandlingProcess.TASK_HANDLE)).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(
        Handling.task(engine, own, ComplaintHandlingProcess.TASK_HANDLE).getProcessInstanceId(),
        "complaintReference")).isEqualTo(own);
  }

  @Test
  void aStepActsOnItsOwnComplaintWhateverItsVariablesSay() {
    String own = registered(Category.DAMAGE);
    String victim = registered(Category.SAFETY);
    ComplaintStatus victimBefore = complaints.get(victim).status();
    Task task = Handling.task(engine, own, ComplaintHandlingProcess.TASK_HANDLE);
    engine.getTaskService().claim(task.getId(), handler);

    // past every HTTP guard: the Java API takes any variable
    engine.getTaskService().complete(task.getId(), Map.of("rootCause", "STAFF_ERROR", "resolution",
        Handling.RESOLUTION, "serviceFailureAcknowledged", true, "compensationType", "NONE",
        "complaintReference", victim));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(task.getProcessInstanceId()).activityId(ComplaintHandlingProcess.TASK_HANDLE)
        .singleResult().getId());

    assertThat(complaints.get(own).status()).isIn(ComplaintStatus.RESOLVED, ComplaintStatus.AWAITING_FEEDBACK);
    assertThat(complaints.get(victim).status()).isEqualTo(victimBefore);
    assertThat(complaints.get(victim).outcome()).isNull();
  }

  @Test
  void noUserTaskCanBeEndedWithAnUncaughtBpmnError() throws IOException {
    Http admin = http.as("attack-admin", TestUsers.PASSWORD);
    int tried = 0;
    for (String file : List.of("ComplaintHandling", "CompensationApproval", "EmployeeAward")) {
      for (UserTask userTask : Bpmn.readModelFromFile(Path.of("processes", file + ".bpmn").toFile())
          .getModelElementsByType(UserTask.class)) {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(file)
            .businessKey("BPMN-ERROR-" + System.nanoTime()).startBeforeActivity(userTask.getId())
            .setVariables(Map.of("handlerGroup", Groups.TEAM_BILLING, "approverGroup", Groups.SUPERVISORS,
                "resolutionDue", "2030-01-01T10:00:00+08:00", "slaWarningAt", "2029-12-31T10:00:00+08:00",
                "approvalDue", "2030-01-01T10:00:00+08:00"))
            .execute(true, true);
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();

        for (String signal : List.of("bpmnError", "bpmnEscalation")) {
          HttpResponse<String> response = admin.postJson("/engine-rest/task/" + task.getId() + "/" + signal,
              "{\"errorCode\": \"Err_Anything\", \"escalationCode\": \"Esc_Anything\"}");
          assertThat(response.statusCode()).as(userTask.getId() + " " + signal).isEqualTo(403);
          assertThat(Http.json(response).get("message").asText()).contains("No boundary event of " + userTask.getId());
        }
        // the engine itself: an error nothing catches fails instead of ending the case
        assertThatThrownBy(() -> engine.getTaskService().handleBpmnError(task.getId(), "Err_Anything"))
            .isInstanceOf(ProcessEngineException.class);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
            .count()).as(userTask.getId()).isEqualTo(1);
        // started past its I/O mappings, so ended past them too
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test done", true, true, true);
        tried++;
      }
    }
    assertThat(tried).isGreaterThanOrEqualTo(8);
  }

  @Test
  void runningComplaintsCannotBeDeletedWithTheirDeployment() {
    String running = registered(Category.DELAY);
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(running)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult();
    String deployment = engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId())
        .getDeploymentId();

    for (String user : List.of("attack-ana", "attack-admin")) {
      HttpResponse<String> deleted = http.as(user, TestUsers.PASSWORD)
          .delete("/engine-rest/deployment/" + deployment + "?cascade=true");
      assertThat(deleted.statusCode()).as(user).isEqualTo(403);
    }
    assertThat(http.as("attack-admin", TestUsers.PASSWORD).delete("/engine-rest/process-definition/key/"
        + ComplaintHandlingProcess.KEY + "?cascade=true").statusCode()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void deployingAndDeletingAreAuditEventsAndDeployersMayOnlyRead() {
    String form = """
        {"components": [{"type": "text", "id": "Text_probe", "text": "probe"}], "type": "default",
         "id": "Form_AuditProbe", "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0",
         "exporter": {"name": "Camunda Modeler", "version": "5.30.0"}, "schemaVersion": 16}""";
    String body = "--b\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\naudit-probe\r\n"
        + "--b\r\nContent-Disposition: form-data; name=\"probe.form\"; filename=\"probe.form\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + form + "\r\n--b--\r\n";

    HttpResponse<String> deployed = http.as("attack-ana", TestUsers.PASSWORD).post("/engine-rest/deployment/create",
        "multipart/form-data; boundary=b", body);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    String deployment = Http.json(deployed).get("id").asText();
    Authorization grant = authorizations.createAuthorizationQuery().userIdIn("attack-ana")
        .resourceType(Resources.DEPLOYMENT).resourceId(deployment).singleResult();
    assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(grant.isPermissionGranted(Permissions.DELETE)).isFalse();
    assertThat(http.as("attack-ana", TestUsers.PASSWORD).delete("/engine-rest/deployment/" + deployment).statusCode())
        .isEqualTo(403);
    assertThat(http.as("attack-admin", TestUsers.PASSWORD).delete("/engine-rest/deployment/" + deployment)
        .statusCode()).isEqualTo(204);

    assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE event_type = 'user-operation'"
        + " AND details LIKE ? AND details LIKE '%\"entityType\":\"Deployment\"%'", String.class,
        "%\"operationType\":\"Create\"%")).contains("attack-ana");
    assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE event_type = 'user-operation'"
        + " AND details LIKE ? AND details LIKE '%\"entityType\":\"Deployment\"%'", String.class,
        "%\"operationType\":\"Delete\"%")).contains("attack-admin");
    assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE event_type = 'engine-call-refused'",
        String.class)).contains("attack-ana");
  }

  @Test
  void theEnginesParserRunsNoStepButRedressDelegatesWhateverGotPastTheCheck() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    for (String step : List.of("camunda:type=\"shell\"", "camunda:class=\"java.lang.Object\"",
        "camunda:delegateExpression=\"${dataSource}\"")) {
      String model = """
          <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
              targetNamespace="probe">
            <process id="ShellProbe" isExecutable="true" camunda:historyTimeToLive="1">
              <startEvent id="Start"/><sequenceFlow id="F1" sourceRef="Start" targetRef="Run"/>
              <serviceTask id="Run" STEP><extensionElements><camunda:field name="command" stringValue="touch"/>
              </extensionElements></serviceTask>
              <sequenceFlow id="F2" sourceRef="Run" targetRef="End"/><endEvent id="End"/>
            </process>
          </definitions>""".replace("STEP", step);
      DeploymentEntity deployment = new DeploymentEntity();
      deployment.setName("parser-probe");

      // the parse alone, without the model check that runs before it on every deployment
      BpmnParser parser = configuration.getDeployers().stream().filter(BpmnDeployer.class::isInstance)
          .map(d -> ((BpmnDeployer) d).getBpmnParser()).findFirst().orElseThrow();
      assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> parser.createParse()
          .sourceString(model).deployment(deployment).name("probe.bpmn").execute()))
          .as(step).hasMessageContaining("Run");
    }
  }

  @Test
  void deployersKeepNoDeleteGrantOnTheirDeployments() {
    Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    old.setUserId("attack-ana");
    old.setResource(Resources.DEPLOYMENT);
    old.setResourceId("an-earlier-deployment");
    old.addPermission(Permissions.READ);
    old.addPermission(Permissions.DELETE);
    authorizations.saveAuthorization(old);

    deploymentGrants.removeDeployersDeleteGrants();

    Authorization now = authorizations.createAuthorizationQuery().userIdIn("attack-ana")
        .resourceType(Resources.DEPLOYMENT).resourceId("an-earlier-deployment").singleResult();
    assertThat(now.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(now.isPermissionGranted(Permissions.DELETE)).isFalse();
  }

  @Test
  void aClosedComplaintCannotBeStartedAgain() {
    String closed = complaints.submit(Complaints.of(Category.BILLING, CustomerTier.GOLD), null, null).reference();
    engine.getRuntimeService().deleteProcessInstance(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(closed)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId(), "test: as if closed", true, true);
    jdbc.update("UPDATE complaint SET status = 'CLOSED' WHERE reference = ?", closed);
    Http ivy = http.as("attack-ivy", TestUsers.PASSWORD);
    String restart = "{\"businessKey\": \"" + closed + "\", \"variables\": {\"complaintReference\": {\"value\": \""
        + closed + "\"}}}";

    assertThat(ivy.postJson("/engine-rest/process-definition/key/ComplaintHandling/start", restart).statusCode())
        .isEqualTo(403);
    HttpResponse<String> form = ivy.postJson("/engine-rest/process-definition/key/ComplaintHandling/submit-form",
        restart);
    assertThat(form.statusCode()).as(form.body()).isEqualTo(400);
    assertThat(Http.json(form).get("message").asText()).contains("variables.complaintReference");
    // past both guards, as a signed-in user through the Java API: registration refuses it
    engine.getIdentityService().setAuthentication("attack-ivy", List.of(Groups.INTAKE_AGENTS));
    try {
      assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(ComplaintHandlingProcess.KEY,
          closed, Map.of("complaintReference", closed))).hasMessageContaining("only intake starts its case, once");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(complaints.get(closed).status()).isEqualTo(ComplaintStatus.CLOSED);
  }

  @Test
  void staffCannotCorrelateRedressMessages() {
    String message = "{\"messageName\": \"" + EmployeeAwardProcess.MESSAGE_RUN_REQUESTED + "\","
        + " \"processVariables\": {\"period\": {\"value\": \"2999-01\"}}}";
    long instances = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(EmployeeAwardProcess.KEY).count();

    for (String user : List.of("attack-carla", "attack-admin")) {
      HttpResponse<String> response = http.as(user, TestUsers.PASSWORD).postJson("/engine-rest/message", message);
      assertThat(response.statusCode()).as(user).isEqualTo(403);
      assertThat(Http.json(response).get("message").asText()).contains("for Redress's own services only");
    }
    assertThat(http.as("attack-carla", TestUsers.PASSWORD).postJson("/engine-rest/signal", "{\"name\": \"x\"}")
        .statusCode()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(EmployeeAwardProcess.KEY)
        .count()).isEqualTo(instances);
  }

  private String registered(Category category) {
    String reference = complaints.submit(Complaints.of(category, CustomerTier.STANDARD), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    return reference;
  }
}
