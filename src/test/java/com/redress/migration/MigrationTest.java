package com.redress.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.compensation.CompensationApprovalProcess;
import com.redress.complaint.AccessTokens;
import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.ComplaintStatus;
import com.redress.complaint.CustomerTier;
import com.redress.complaint.SurveyService;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.PastTheModelCheck;
import com.redress.support.StaffSession;
import com.redress.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An analyst moves running complaints to a new version of ComplaintHandling through
 * {@code /api/migrations} and the page. The new version adds a step, renames and lengthens a pause,
 * and renames a gateway, none of them part of the process contract. A dry run changes nothing;
 * without the analyst's mapping for the pause, the complaint waiting there is blocked with the
 * engine's reason. The migration moves the complaints waiting at triage, at the handling task
 * (assignee, candidate group and Tasklist columns kept), at the survey, inside the compensation
 * approval and in the pause, each with its audit event: the SLA timers keep their dates, the
 * lengthened pause is set up again. The approval the complaint called migrates as an instance of
 * its own; four-eyes still refuses a handler's own review; every complaint then closes on the new
 * version, through its added step. The test's complaints run on versions deployed for them alone,
 * so no other test's instance moves.
 */
class MigrationTest extends ApplicationTest {

  private static final String ADDED_STEP = "Event_QualityRecorded";
  private static final String PAUSE = "Timer_CoolingOff";
  private static final String RENAMED_PAUSE = "Timer_CoolingDown";
  private static final String RENAMED_GATEWAY = "Gateway_ReviewJoined";
  private static final String FOLLOW_UP = "Timer_FollowUp";
  private static final String FOLLOW_UP_AT = "followUpAt";

  @Autowired ComplaintService complaints;
  @Autowired SurveyService surveys;
  @Autowired JdbcTemplate jdbc;

  private final List<Deployment> deployments = new ArrayList<>();

  @AfterEach
  void removeTheTestsVersions() {
    deployments.forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  @Test
  void aDryRunChangesNothingThenWaitingComplaintsMoveAndCloseOnTheNewVersion() {
    Deployment sourceDeployment = deploy("migration source", withAPauseAfterTheReview());
    int source = version(sourceDeployment);
    // a handler who also reviews quality, never on a complaint of their own (four-eyes)
    String handler = TestUsers.ensure(engine.getIdentityService(), "mig-handler", Groups.TEAM_SERVICE,
        Groups.QUALITY_REVIEWERS);
    String reviewer = TestUsers.ensure(engine.getIdentityService(), "mig-reviewer", Groups.QUALITY_REVIEWERS);
    String atTriage = submitted(Category.OTHER);
    String atHandling = submitted(Category.SERVICE_QUALITY);
    engine.getTaskService().claim(Handling.task(engine, atHandling, ComplaintHandlingProcess.TASK_HANDLE).getId(),
        handler);
    String atSurvey = submitted(Category.SERVICE_QUALITY);
    Handling.resolve(engine, atSurvey, handler);
    String inApproval = submitted(Category.SERVICE_QUALITY);
    Handling.resolveWithCompensation(engine, inApproval, handler, "REFUND", "300.00", "The cleaner was late.");
    Handling.runDueJobs(engine, inApproval);
    assertThat(Handling.task(engine, inApproval, CompensationApprovalProcess.TASK_APPROVE)).isNotNull();
    String pausing = submitted(Category.SERVICE_QUALITY);
    Handling.resolve(engine, pausing, handler);
    answerSurvey(pausing);
    Handling.review(engine, pausing, reviewer, 5);
    assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(instanceOf(pausing))
        .activityId(PAUSE).count()).as("waiting in the pause").isOne();
    List<String> cases = List.of(atTriage, atHandling, atSurvey, inApproval, pausing);
    Deployment targetDeployment = deploy("migration target", withTheRenamedPauseAndAnAddedStep());
    int target = version(targetDeployment);
    Http analyst = new Http(port).as(TestUsers.ensure(engine.getIdentityService(), "mig-analyst",
        Groups.PROCESS_ANALYSTS), TestUsers.PASSWORD);
    String request = request(source, target, true);
    Instant pauseBefore = pauseDue(pausing, PAUSE);
    long auditRowsBefore = auditRows(cases);
    List<String> slaBefore = timers(atHandling);
    Map<String, Object> columnsBefore = engine.getTaskService().getVariablesLocal(
        Handling.task(engine, atHandling, ComplaintHandlingProcess.TASK_HANDLE).getId());

    // without the analyst's mapping the paused complaint has nowhere to go: blocked, with the engine's reason
    JsonNode unmapped = Http.json(ok(analyst.postJson("/api/migrations", request(source, target, true, ""))));
    assertThat(unmapped.get("migratable").asInt()).isEqualTo(4);
    assertThat(unmapped.get("blocked")).hasSize(1);
    assertThat(unmapped.get("blocked").get(0).get("reference").asText()).isEqualTo(pausing);
    assertThat(unmapped.get("blocked").get(0).get("reason").asText()).contains(PAUSE);

    JsonNode dryRun = Http.json(ok(analyst.postJson("/api/migrations", request)));
    assertThat(dryRun.get("instances").asInt()).isEqualTo(5);
    assertThat(dryRun.get("migratable").asInt()).isEqualTo(5);
    assertThat(dryRun.get("blocked")).isEmpty();
    assertThat(dryRun.get("migrated").asInt()).isZero();
    assertThat(cases).allSatisfy(reference -> assertThat(versionOf(reference)).isEqualTo(source));
    assertThat(auditRows(cases)).as("a dry run writes no audit event").isEqualTo(auditRowsBefore);

    // a run planned now reaches its instances only after they moved: it passes them over
    MigrationService service = bean(MigrationService.class);
    MigrationService.Prepared late = service.prepare(new MigrationRequest(ComplaintHandlingProcess.KEY, source, target,
        List.of(new MigrationRequest.Mapping(PAUSE, RENAMED_PAUSE)), false), "mig-analyst");

    // the migration itself from the analysts' page, as the same analyst
    StaffSession page = new StaffSession(port);
    page.signIn("mig-analyst", TestUsers.PASSWORD);
    String token = StaffSession.token(page.get("/analysis/migrations?process=" + ComplaintHandlingProcess.KEY));
    HttpResponse<String> migrated = page.post("/analysis/migrations", "process=" + ComplaintHandlingProcess.KEY
        + "&sourceVersion=" + source + "&targetVersion=" + target + "&action=migrate&mappings="
        + URLEncoder.encode(PAUSE + " -> " + RENAMED_PAUSE, StandardCharsets.UTF_8) + "&_csrf="
        + URLEncoder.encode(token, StandardCharsets.UTF_8));
    // it runs in the background; its page shows the progress, then the report
    assertThat(migrated.statusCode()).isEqualTo(302);
    String runPage = URI.create(migrated.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(runPage).startsWith("/analysis/migrations/runs/");
    HttpResponse<String> done = page.get(runPage + "?wait=30");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("Started by mig-analyst").contains("5 running instances; 5 can move; 5 moved.");
    assertThat(cases).allSatisfy(reference -> {
      assertThat(versionOf(reference)).isEqualTo(target);
      assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE chain_key = ? AND event_type = ?",
          String.class, reference, MigrationService.CASE_MIGRATED)).isEqualTo("mig-analyst");
    });
    MigrationReport passedOver = service.run(late, MigrationService.Progress.NONE);
    assertThat(passedOver.instances()).isZero();
    assertThat(passedOver.blocked()).isEmpty();
    JsonNode again = Http.json(ok(analyst.postJson("/api/migrations", request(source, target, false))));
    assertThat(again.get("instances").asInt()).as("a second run finds nothing left").isZero();
    assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE chain_key = ? AND event_type = ? ORDER BY seq",
        String.class, MigrationService.CHAIN, MigrationService.RUN_DONE)).as("every real run, each with its analyst")
        .endsWith("mig-analyst", "mig-analyst", "mig-analyst");

    // the SLA timers keep their dates (the target defines them as the source did), the handler the
    // task, the team its candidacy, Tasklist its columns
    assertThat(timers(atHandling)).isNotEmpty().isEqualTo(slaBefore);
    // the pause, renamed and lengthened to two hours, is set up again from the new definition
    assertThat(pauseDue(pausing, RENAMED_PAUSE)).as("two hours from the migration")
        .isAfter(pauseBefore.plus(Duration.ofMinutes(50))).isAfter(Instant.now().plus(Duration.ofMinutes(115)));
    Task handling = Handling.task(engine, atHandling, ComplaintHandlingProcess.TASK_HANDLE);
    assertThat(engine.getTaskService().getVariablesLocal(handling.getId())).isEqualTo(columnsBefore);
    assertThat(handling.getAssignee()).isEqualTo(handler);
    assertThat(engine.getTaskService().getIdentityLinksForTask(handling.getId())).extracting(IdentityLink::getGroupId)
        .contains(Groups.TEAM_SERVICE);
    // and every complaint goes on to its end, through the added step
    Handling.triage(engine, atTriage, TestUsers.ensure(engine.getIdentityService(), "mig-dispatcher",
        Groups.DISPATCHERS));
    Handling.runDueJobs(engine, atTriage);
    Handling.resolve(engine, atTriage, handler);
    Handling.resolve(engine, atHandling, handler);
    // the approval the complaint called is an instance of its own, migrated through the same door
    int approvalSource = version(sourceDeployment, CompensationApprovalProcess.KEY);
    int approvalTarget = version(targetDeployment, CompensationApprovalProcess.KEY);
    JsonNode approvals = Http.json(ok(analyst.postJson("/api/migrations", "{\"processDefinitionKey\":\""
        + CompensationApprovalProcess.KEY + "\",\"sourceVersion\":" + approvalSource + ",\"targetVersion\":"
        + approvalTarget + ",\"dryRun\":false}")));
    assertThat(approvals.get("migrated").asInt()).isOne();
    assertThat(engine.getRepositoryService().getProcessDefinition(engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceBusinessKey(inApproval)
        .processDefinitionKey(CompensationApprovalProcess.KEY).singleResult().getProcessDefinitionId()).getVersion())
        .isEqualTo(approvalTarget);
    Handling.decideCompensation(engine, inApproval, TestUsers.ensure(engine.getIdentityService(), "mig-supervisor",
        Groups.SUPERVISORS), "APPROVE", "A fair refund for the wait.");
    for (String reference : cases) {
      if (reference.equals(pausing)) {
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
            .processInstanceId(instanceOf(reference)).activityId(RENAMED_PAUSE).singleResult().getId());
      } else {
        answerSurvey(reference);
        String review = Handling.task(engine, reference, ComplaintHandlingProcess.TASK_REVIEW_QUALITY).getId();
        assertThatThrownBy(() -> engine.getTaskService().claim(review, handler)).as("four-eyes, after migration")
            .hasMessageContaining("four-eyes");
        Handling.review(engine, reference, reviewer, 4);
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
            .processInstanceId(instanceOf(reference)).activityId(RENAMED_PAUSE).singleResult().getId());
      }
      Handling.runDueJobs(engine, reference);
      assertThat(complaints.get(reference).status()).as(reference).isEqualTo(ComplaintStatus.CLOSED);
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(ADDED_STEP)
          .processInstanceId(instanceOf(reference)).count()).as(reference).isOne();
    }
  }

  @Test
  void aTargetThatFailsTodaysModelCheckIsRefusedAndABadRequestNamesItsFields() {
    int source = version(deploy("migration source", todaysComplaintHandling()));
    String waiting = submitted(Category.SERVICE_QUALITY);
    // the models of release 1.3.1 lack steps today's contract needs: deployed as an upgraded database holds them
    Deployment earlier = PastTheModelCheck.deploy(engine, "migration target before issue 17", deployment -> deployment
        .addInputStream("ComplaintHandling.bpmn", PastTheModelCheck.earlier("ComplaintHandling-1.3.1.bpmn.xml")));
    deployments.add(earlier);
    int target = version(earlier);
    Http analyst = new Http(port).as(TestUsers.ensure(engine.getIdentityService(), "mig-analyst",
        Groups.PROCESS_ANALYSTS), TestUsers.PASSWORD);

    JsonNode dryRun = Http.json(ok(analyst.postJson("/api/migrations", request(source, target, true, ""))));
    assertThat(dryRun.get("findings")).isNotEmpty();
    assertThat(dryRun.get("migratable").asInt()).isZero();
    assertThat(dryRun.get("blocked").get(0).get("reason").asText()).contains("model check");
    HttpResponse<String> refused = analyst.postJson("/api/migrations", request(source, target, false, ""));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .contains("application/problem+json"));
    assertThat(versionOf(waiting)).isEqualTo(source);
    // a complaint started on the earlier version (the latest now) makes it an orphaned version
    String onTheEarlier = complaints.submit(Complaints.of(Category.SERVICE_QUALITY, CustomerTier.STANDARD), null, null)
        .reference();
    assertThat(versionOf(onTheEarlier)).isEqualTo(target);
    JsonNode versions = Http.json(ok(analyst.get("/api/migrations/versions?processDefinitionKey="
        + ComplaintHandlingProcess.KEY)));
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(target);
    assertThat(versions.get(0).get("orphaned").asBoolean()).isTrue();
    assertThat(versions.get(0).get("errors")).isNotEmpty();

    // the same on the analysts' page: the versions, the dry run's reasons, the refusal
    StaffSession page = new StaffSession(port);
    page.signIn("mig-analyst", TestUsers.PASSWORD);
    HttpResponse<String> shown = page.get("/analysis/migrations?process=" + ComplaintHandlingProcess.KEY);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains("Migrate running instances").contains(ComplaintHandlingProcess.TASK_HANDLE)
        .contains("Fails today&#39;s model check");
    String form = "process=" + ComplaintHandlingProcess.KEY + "&sourceVersion=" + source + "&targetVersion=" + target
        + "&mappings=&_csrf=" + URLEncoder.encode(StaffSession.token(shown), StandardCharsets.UTF_8);
    HttpResponse<String> tried = page.post("/analysis/migrations", form + "&action=dry-run");
    assertThat(tried.statusCode()).isEqualTo(200);
    assertThat(tried.body()).contains("Dry run: nothing was changed").contains("fails today&#39;s model check");
    HttpResponse<String> migrate = page.post("/analysis/migrations", form + "&action=migrate");
    assertThat(migrate.statusCode()).isEqualTo(409);
    assertThat(migrate.body()).contains("nothing was migrated");
    StaffSession handlerPage = new StaffSession(port);
    handlerPage.signIn(TestUsers.ensure(engine.getIdentityService(), "mig-page-handler", Groups.TEAM_SERVICE),
        TestUsers.PASSWORD);
    assertThat(handlerPage.get("/analysis/migrations").statusCode()).isEqualTo(403);

    HttpResponse<String> bad = analyst.postJson("/api/migrations",
        "{\"processDefinitionKey\":\"MessageDelivery\",\"targetVersion\":1}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("processDefinitionKey").contains("sourceVersion");
    HttpResponse<String> unknownElement = analyst.postJson("/api/migrations", "{\"processDefinitionKey\":\""
        + ComplaintHandlingProcess.KEY + "\",\"sourceVersion\":" + source + ",\"targetVersion\":" + target
        + ",\"mappings\":[{\"from\":\"Task_Nowhere\",\"to\":\"" + ComplaintHandlingProcess.TASK_HANDLE + "\"}]}");
    assertThat(unknownElement.statusCode()).isEqualTo(400);
    assertThat(unknownElement.body()).contains("mappings[0].from");
  }

  @Test
  void aVariableTheTargetReadsIsGivenItsDocumentedValueOrItsLackBlocksTheComplaint() {
    int source = version(deploy("migration source", todaysComplaintHandling()));
    String handler = TestUsers.ensure(engine.getIdentityService(), "mig-handler", Groups.TEAM_SERVICE);
    String atHandling = submitted(Category.SERVICE_QUALITY);
    String atSurvey = submitted(Category.SERVICE_QUALITY);
    Handling.resolve(engine, atSurvey, handler);
    // as a complaint resolved before the reopening limit existed: no counter
    engine.getRuntimeService().removeVariable(instanceOf(atSurvey), ComplaintHandlingProcess.REOPEN_COUNT.name());
    Http analyst = new Http(port).as(TestUsers.ensure(engine.getIdentityService(), "mig-analyst",
        Groups.PROCESS_ANALYSTS), TestUsers.PASSWORD);

    // a version with a follow-up dated by a variable no step writes: both complaints would reach it
    int readsFollowUp = version(deploy("migration target with a follow-up", withAFollowUpNoStepDates()));
    JsonNode blocked = Http.json(ok(analyst.postJson("/api/migrations", request(source, readsFollowUp, false, ""))));
    assertThat(blocked.get("migrated").asInt()).isZero();
    assertThat(blocked.get("given")).as("a blocked complaint gets no value").isEmpty();
    assertThat(blocked.get("blocked")).hasSize(2).allSatisfy(instance -> assertThat(instance.get("reason").asText())
        .contains("needs variable '" + FOLLOW_UP_AT + "' (read at " + FOLLOW_UP + ")")
        .doesNotContain(ComplaintHandlingProcess.REOPEN_COUNT.name()));
    assertThat(List.of(atHandling, atSurvey)).allSatisfy(reference -> assertThat(versionOf(reference))
        .isEqualTo(source));

    // a version that reads only what ComplaintHandling writes or documents: the counter gets the complaint's own count
    int today = version(deploy("migration target of today", todaysComplaintHandling()));
    JsonNode tried = Http.json(ok(analyst.postJson("/api/migrations", request(source, today, true, ""))));
    assertThat(tried.get("given")).as("the dry run says which values a complaint would get").hasSize(1);
    assertThat(tried.get("given").get(0).get("reference").asText()).isEqualTo(atSurvey);
    assertThat(tried.get("given").get(0).get("values").get(ComplaintHandlingProcess.REOPEN_COUNT.name()).asInt())
        .isZero();
    assertThat(engine.getRuntimeService().getVariable(instanceOf(atSurvey),
        ComplaintHandlingProcess.REOPEN_COUNT.name())).as("and gives none").isNull();
    StaffSession page = new StaffSession(port);
    page.signIn("mig-analyst", TestUsers.PASSWORD);
    String token = StaffSession.token(page.get("/analysis/migrations?process=" + ComplaintHandlingProcess.KEY));
    HttpResponse<String> shown = page.post("/analysis/migrations", "process=" + ComplaintHandlingProcess.KEY
        + "&sourceVersion=" + source + "&targetVersion=" + today + "&mappings=&action=dry-run&_csrf="
        + URLEncoder.encode(token, StandardCharsets.UTF_8));
    assertThat(shown.body()).as("the same on the analysts' page").contains(atSurvey).contains("reopenCount = 0");
    JsonNode moved = Http.json(ok(analyst.postJson("/api/migrations", request(source, today, false, ""))));
    assertThat(moved.get("migrated").asInt()).isEqualTo(2);
    assertThat(moved.get("given")).hasSize(1);
    assertThat(engine.getRuntimeService().getVariable(instanceOf(atSurvey),
        ComplaintHandlingProcess.REOPEN_COUNT.name())).isEqualTo(0);
    assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE chain_key = ? AND event_type = ?",
        String.class, atSurvey, MigrationService.CASE_MIGRATED)).contains("\"defaults\":{\"reopenCount\":0}");
    assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE chain_key = ? AND event_type = ?",
        String.class, atHandling, MigrationService.CASE_MIGRATED)).doesNotContain("defaults");
    // an unhappy answer passes the gateway that reads the counter: the complaint reopens
    answerSurvey(atSurvey, 1);
    Handling.runDueJobs(engine, atSurvey);
    assertThat(complaints.get(atSurvey).status()).isEqualTo(ComplaintStatus.REOPENED);
  }

  @Test
  void onlyRedressMigratesAndOnlyAnalystsAndAdministratorsMayAsk() {
    Http admin = new Http(port).as(TestUsers.ensure(engine.getIdentityService(), "mig-admin", Groups.CAMUNDA_ADMIN),
        TestUsers.PASSWORD);
    assertThat(admin.postJson("/engine-rest/migration/execute", "{}").statusCode()).isEqualTo(403);
    assertThat(admin.postJson("/engine-rest/migration/validate", "{}").statusCode()).isEqualTo(403);
    Http handler = new Http(port).as(TestUsers.ensure(engine.getIdentityService(), "mig-plain-handler",
        Groups.TEAM_SERVICE), TestUsers.PASSWORD);
    assertThat(handler.postJson("/api/migrations", request(1, 2, true)).statusCode()).isEqualTo(403);
    JsonNode versions = Http.json(ok(admin.get("/api/migrations/versions?processDefinitionKey="
        + ComplaintHandlingProcess.KEY)));
    assertThat(versions).isNotEmpty();
    assertThat(versions.get(0).has("waiting")).isTrue();
    assertThat(versions.get(0).has("orphaned")).isTrue();
  }

  private String submitted(Category category) {
    String reference = complaints.submit(Complaints.of(category, CustomerTier.STANDARD), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    Handling.runDueJobs(engine, reference);
    return reference;
  }

  private void answerSurvey(String reference) {
    answerSurvey(reference, 5);
  }

  private void answerSurvey(String reference, int score) {
    String token = bean(AccessTokens.class).issue(reference, "TEST");
    surveys.answer(reference, new SurveyService.Answer(token, score, null));
    Jobs.continueAfterSurvey(engine, reference);
  }

  private Instant pauseDue(String reference, String pause) {
    return engine.getManagementService().createJobQuery().processInstanceId(instanceOf(reference)).activityId(pause)
        .singleResult().getDuedate().toInstant();
  }

  /** The case's timers: where and when. */
  private List<String> timers(String reference) {
    return engine.getManagementService().createJobQuery().processInstanceId(engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId()).timers().list().stream()
        .map(job -> job.getJobDefinitionId() == null ? job.getDuedate().toInstant().toString()
            : engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                .singleResult().getActivityId() + " " + job.getDuedate().toInstant())
        .sorted().toList();
  }

  /** From version {@code source} to {@code target}, the pause mapped to its new name. */
  private static String request(int source, int target, boolean dryRun) {
    return request(source, target, dryRun, "{\"from\":\"" + PAUSE + "\",\"to\":\"" + RENAMED_PAUSE + "\"}");
  }

  private static String request(int source, int target, boolean dryRun, String mappings) {
    return "{\"processDefinitionKey\":\"" + ComplaintHandlingProcess.KEY + "\",\"sourceVersion\":" + source
        + ",\"targetVersion\":" + target + ",\"mappings\":[" + mappings + "],\"dryRun\":" + dryRun + "}";
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  private long auditRows(List<String> cases) {
    return cases.stream().mapToLong(reference -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_event WHERE chain_key = ?", Long.class, reference)).sum();
  }

  private String instanceOf(String reference) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId();
  }

  private int versionOf(String reference) {
    return engine.getRepositoryService().getProcessDefinition(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult()
        .getProcessDefinitionId()).getVersion();
  }

  private int version(Deployment deployment) {
    return version(deployment, ComplaintHandlingProcess.KEY);
  }

  private int version(Deployment deployment, String process) {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deployment.getId()).processDefinitionKey(process).singleResult();
    return definition.getVersion();
  }

  /** A deployment of today's models with {@code complaintHandling} as the complaint process, through today's check. */
  private Deployment deploy(String name, BpmnModelInstance complaintHandling) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(name)
        .addModelInstance("ComplaintHandling.bpmn", complaintHandling)
        .addInputStream("CompensationApproval.bpmn", PastTheModelCheck.current("processes/CompensationApproval.bpmn"));
    for (String decision : List.of("ComplaintClassification", "CompensationPolicy")) {
      deployment.addInputStream(decision + ".dmn", PastTheModelCheck.current("processes/" + decision + ".dmn"));
    }
    for (String form : List.of("HandleComplaint", "TriageComplaint", "ReviewQuality", "StartComplaint",
        CompensationApprovalProcess.FORM_APPROVE)) {
      deployment.addInputStream(form + ".form", PastTheModelCheck.current("forms/" + form + ".form"));
    }
    Deployment deployed = deployment.deploy();
    deployments.add(0, deployed); // the latest is removed first
    return deployed;
  }

  private static BpmnModelInstance todaysComplaintHandling() {
    return Bpmn.readModelFromStream(PastTheModelCheck.current("processes/ComplaintHandling.bpmn"));
  }

  /** Today's model with a follow-up after the quality review, due at {@code followUpAt}, which no step writes. */
  private static BpmnModelInstance withAFollowUpNoStepDates() {
    BpmnModelInstance model = todaysComplaintHandling();
    TimeDate followUpAt = model.newInstance(TimeDate.class);
    followUpAt.setTextContent("${" + FOLLOW_UP_AT + "}");
    return withATimerAfterTheReview(model, FOLLOW_UP, "Follow up", followUpAt);
  }

  /** Today's model with a one-hour pause (not part of the process contract) after the quality review is recorded. */
  private static BpmnModelInstance withAPauseAfterTheReview() {
    BpmnModelInstance model = todaysComplaintHandling();
    TimeDuration hour = model.newInstance(TimeDuration.class);
    hour.setTextContent("PT1H");
    return withATimerAfterTheReview(model, PAUSE, "Cooling off", hour);
  }

  private static BpmnModelInstance withATimerAfterTheReview(BpmnModelInstance model, String id, String name,
      ModelElementInstance when) {
    IntermediateCatchEvent pause = model.newInstance(IntermediateCatchEvent.class, id);
    pause.setName(name);
    TimerEventDefinition timer = model.newInstance(TimerEventDefinition.class, id + "_definition");
    if (when instanceof TimeDate date) {
      timer.setTimeDate(date);
    } else {
      timer.setTimeDuration((TimeDuration) when);
    }
    pause.getEventDefinitions().add(timer);
    insert(model, "Flow_ReviewToClose", pause, "Flow_PauseToClose");
    return reread(model);
  }

  /**
   * The version with the pause, its pause renamed and lengthened to two hours, a step added after
   * it, and a merging gateway (not part of the contract either) under another id.
   */
  private static BpmnModelInstance withTheRenamedPauseAndAnAddedStep() {
    BpmnModelInstance model = withAPauseAfterTheReview();
    model.getModelElementById(PAUSE).setAttributeValue("id", RENAMED_PAUSE, true);
    TimerEventDefinition longer = model.getModelElementById(PAUSE + "_definition");
    longer.getTimeDuration().setTextContent("PT2H");
    IntermediateThrowEvent recorded = model.newInstance(IntermediateThrowEvent.class, ADDED_STEP);
    recorded.setName("Quality review recorded");
    insert(model, "Flow_PauseToClose", recorded, "Flow_RecordedToClose");
    model.getModelElementById("Gateway_MergeReview").setAttributeValue("id", RENAMED_GATEWAY, true);
    return reread(model);
  }

  /**
   * Puts {@code node} on sequence flow {@code flowId}, which then ends at it, and a new flow from it
   * to where the flow went; both drawn below that target, so that Modeler (and the model check) see them.
   */
  private static void insert(BpmnModelInstance model, String flowId, FlowNode node, String newFlowId) {
    SequenceFlow into = model.getModelElementById(flowId);
    FlowNode next = into.getTarget();
    Process process = (Process) into.getParentElement();
    process.addChildElement(node);
    SequenceFlow onward = model.newInstance(SequenceFlow.class, newFlowId);
    process.addChildElement(onward);
    into.setTarget(node);
    next.getIncoming().remove(into);
    node.getIncoming().add(into);
    onward.setSource(node);
    onward.setTarget(next);
    node.getOutgoing().add(onward);
    next.getIncoming().add(onward);

    BpmnShape nextShape = (BpmnShape) next.getDiagramElement();
    Bounds at = nextShape.getBounds();
    BpmnShape shape = model.newInstance(BpmnShape.class, node.getId() + "_di");
    shape.setBpmnElement(node);
    Bounds bounds = model.newInstance(Bounds.class);
    bounds.setX(at.getX());
    bounds.setY(at.getY() + at.getHeight() + 40 + 60 * next.getIncoming().size());
    bounds.setWidth(36);
    bounds.setHeight(36);
    shape.setBounds(bounds);
    nextShape.getParentElement().addChildElement(shape);
    BpmnEdge edge = model.newInstance(BpmnEdge.class, newFlowId + "_di");
    edge.setBpmnElement(onward);
    for (double[] point : new double[][] {{at.getX() + 18, bounds.getY()}, {at.getX() + 18, at.getY() + at.getHeight()}}) {
      Waypoint waypoint = model.newInstance(Waypoint.class);
      waypoint.setX(point[0]);
      waypoint.setY(point[1]);
      edge.getWaypoints().add(waypoint);
    }
    nextShape.getParentElement().addChildElement(edge);
  }

  /** The model as Modeler would save it: written out and read again, with its references resolved. */
  private static BpmnModelInstance reread(BpmnModelInstance model) {
    Bpmn.validateModel(model);
    return Bpmn.readModelFromStream(new ByteArrayInputStream(Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)));
  }
}
