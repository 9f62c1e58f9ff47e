package com.redress.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.compensation.CompensationApprovalProcess;
import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.PublicApiLifecycle;
import com.redress.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an auditor must be able to prove from the business-level record (ADR 0013), one test per
 * kind of fact, each after the real flow: human decisions with their values and reasons, rule
 * decisions with inputs and version, status changes, messages sent, engine user operations by
 * whom, incidents raised and resolved, and four-eyes refusals. And all of it in few rows.
 */
class AuditCompletenessTest extends ApplicationTest {

  @Autowired ComplaintService complaints;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  private Http auditor;

  @BeforeEach
  void auditor() {
    auditor = http.as(TestUsers.ensure(identity, "complete-auditor", Groups.AUDITORS), TestUsers.PASSWORD);
  }

  @Test
  void aStandardLifeTellsEveryDecisionAndStatusInAtMostFortyRows() {
    PublicApiLifecycle.Created c = new PublicApiLifecycle(http, engine).live(
        TestUsers.ensure(identity, "complete-handler", Groups.TEAM_LOGISTICS),
        TestUsers.ensure(identity, "complete-reviewer", Groups.QUALITY_REVIEWERS));
    List<JsonNode> story = story(c.reference());

    assertThat(story).as("a standard life: handled, survey 5, reviewed, closed").hasSizeLessThanOrEqualTo(40);
    assertThat(story).extracting(e -> e.at("/details/status").asText()).filteredOn(s -> !s.isEmpty())
        .containsSubsequence("RECEIVED", "IN_PROGRESS", "RESOLVED", "AWAITING_FEEDBACK", "RESOLVED", "CLOSED");
    assertThat(one(story, e -> type(e, "rule-decision")).at("/details/decisionKey").asText())
        .isEqualTo(ComplaintHandlingProcess.DECISION_CLASSIFICATION);
    JsonNode resolved = one(story, e -> e.at("/details/status").asText().equals("RESOLVED")
        && e.at("/details/rootCause").isTextual());
    assertThat(resolved.at("/details/resolvedBy").asText()).isEqualTo("complete-handler");
    assertThat(resolved.at("/details/resolution").asText()).isEqualTo("Replaced the vase and retrained the cleaner.");
    assertThat(one(story, e -> type(e, "survey-answered")).at("/details/score").asInt()).isEqualTo(5);
    JsonNode reviewed = one(story, e -> type(e, "complaint-quality-reviewed"));
    assertThat(reviewed.at("/details/qualityScore").asInt()).isEqualTo(4);
    assertThat(reviewed.at("/details/reviewedBy").asText()).isEqualTo("complete-reviewer");
    assertThat(story).filteredOn(e -> type(e, "message-sent")).extracting(e -> e.at("/details/kind").asText())
        .containsExactlyInAnyOrder("ACKNOWLEDGEMENT", "RESOLUTION");
    System.out.printf("[measurement] audit rows of a standard complaint life: %d%n", story.size());
  }

  @Test
  void everyHumanDecisionWithTheValuesEnteredAndTheReason() {
    String reference = submitted(Category.DAMAGE, CustomerTier.STANDARD);
    String team = complaints.get(reference).classification().handlerGroup();
    String handler = TestUsers.ensure(identity, "decide-handler", team);
    String supervisor = TestUsers.ensure(identity, "decide-supervisor", Groups.SUPERVISORS);
    Handling.resolveWithCompensation(engine, reference, handler, "REFUND", "800.00", "The cleaner broke the vase.");
    Handling.runDueJobs(engine, reference);
    Map<String, Object> lowered = Map.of("approvalDecision", "LOWER", "loweredAmount", "600.00",
        "decisionReason", "Second-hand vase, 600 is its fair value.");
    String approval = Handling.task(engine, reference, CompensationApprovalProcess.TASK_APPROVE).getId();
    tasks.claim(approval, supervisor);
    as(supervisor, () -> tasks.complete(approval, lowered));
    Handling.runDueJobs(engine, reference);

    List<JsonNode> story = story(reference);
    JsonNode proposed = one(story, e -> e.at("/details/proposedCompensation/amount").asText().equals("800.00"));
    assertThat(proposed.at("/details/proposedCompensation/reason").asText()).isEqualTo("The cleaner broke the vase.");
    JsonNode decision = one(story, e -> type(e, "compensation-decision"));
    assertThat(decision.get("actor").asText()).isEqualTo(supervisor);
    assertThat(decision.at("/details/decision").asText()).isEqualTo("LOWER");
    assertThat(decision.at("/details/amountBefore").asText()).isEqualTo("800.00");
    assertThat(decision.at("/details/amountAfter").asText()).isEqualTo("600.00");
    assertThat(decision.at("/details/reason").asText()).isEqualTo("Second-hand vase, 600 is its fair value.");
    assertThat(decision.get("story").asText()).isEqualTo(supervisor + " (" + Groups.SUPERVISORS
        + ") lowered 800.00 to 600.00 CNY: 'Second-hand vase, 600 is its fair value.'");
    assertThat(one(story, e -> type(e, "compensation-issued")).at("/details/amount").asText()).isEqualTo("600.00");
  }

  @Test
  void everyRuleDecisionWithItsInputsVersionAndMatchedRules() {
    String reference = submitted(Category.SAFETY, CustomerTier.GOLD);
    JsonNode decision = one(story(reference), e -> type(e, "rule-decision"));
    assertThat(decision.at("/details/decisionKey").asText()).isEqualTo(ComplaintHandlingProcess.DECISION_CLASSIFICATION);
    assertThat(decision.at("/details/decisionVersion").asInt()).isEqualTo(engine.getRepositoryService()
        .createDecisionDefinitionQuery().decisionDefinitionKey(ComplaintHandlingProcess.DECISION_CLASSIFICATION)
        .latestVersion().singleResult().getVersion());
    assertThat(decision.at("/details/matchedRules/0").asText()).isEqualTo("Rule_SafetyPremiumCustomer");
    assertThat(decision.at("/details/inputs/Category").asText()).isEqualTo("SAFETY");
    assertThat(decision.at("/details/inputs/Customer tier").asText()).isEqualTo("GOLD");
    assertThat(decision.at("/details/outputs/severity").asText()).isEqualTo("CRITICAL");
    assertThat(decision.get("activityId").asText()).isEqualTo(ComplaintHandlingProcess.TASK_CLASSIFY);
  }

  @Test
  void everyMessageSentToWhomWithWhichTemplateAndWhen() {
    String reference = submitted(Category.DELAY, CustomerTier.STANDARD);
    assertThat(story(reference)).noneMatch(e -> type(e, "message-sent"));
    Jobs.deliverMessages(engine, reference);

    JsonNode sent = one(story(reference), e -> type(e, "message-sent"));
    assertThat(sent.at("/details/kind").asText()).isEqualTo("ACKNOWLEDGEMENT");
    assertThat(sent.at("/details/recipient").asText()).contains("@");
    assertThat(sent.at("/details/subject").asText()).contains(reference);
    assertThat(sent.at("/details/messageId").asText()).startsWith("<redress.").endsWith(">");
    assertThat(sent.get("time").asText()).as("delivered when").isNotBlank();
    assertThat(sent.at("/details/queuedAt").asText()).as("queued when").isNotBlank();
  }

  @Test
  void everyEngineUserOperationByWhom() {
    String reference = submitted(Category.BILLING, CustomerTier.STANDARD);
    String handler = TestUsers.ensure(identity, "ops-handler", Groups.TEAM_BILLING);
    String colleague = TestUsers.ensure(identity, "ops-colleague", Groups.TEAM_BILLING);
    String admin = TestUsers.ensure(identity, "ops-admin", Groups.CAMUNDA_ADMIN);
    String task = Handling.task(engine, reference, ComplaintHandlingProcess.TASK_HANDLE).getId();
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult();

    as(handler, () -> tasks.claim(task, handler));
    as(handler, () -> tasks.claim(task, null));
    as(admin, () -> tasks.setAssignee(task, handler));
    as(handler, () -> tasks.delegateTask(task, colleague));
    as(admin, () -> runtime.setVariable(instance.getId(), "auditNote", "checked by the admin"));
    MigrationPlan plan = runtime.createMigrationPlan(instance.getProcessDefinitionId(),
        instance.getProcessDefinitionId()).mapEqualActivities().build();
    as(admin, () -> runtime.newMigration(plan).processInstanceIds(instance.getId()).execute());
    Deployment deployment = as(admin, () -> engine.getRepositoryService().createDeployment().name("audited deployment")
        .addClasspathResource("processes/MessageDelivery.bpmn").deploy());
    as(admin, () -> runtime.deleteProcessInstance(instance.getId(), "the customer withdrew the complaint"));
    engine.getRepositoryService().deleteDeployment(deployment.getId(), true);

    List<JsonNode> story = story(reference);
    assertThat(operations(story, "Claim")).containsExactly(handler, handler); // claimed, then unclaimed
    assertThat(story).anySatisfy(e -> assertThat(e.get("story").asText()).isEqualTo(
        handler + " unclaimed 'Handle complaint'"));
    assertThat(operations(story, "Assign")).containsExactly(admin);
    assertThat(operations(story, "Delegate")).contains(handler);
    assertThat(operations(story, "SetVariable")).containsExactly(admin);
    assertThat(operations(story, "Delete")).containsExactly(admin);
    JsonNode ended = one(story, e -> type(e, "case-terminated"));
    assertThat(ended.at("/details/reason").asText()).isEqualTo("the customer withdrew the complaint");
    assertThat(ended.get("actor").asText()).isEqualTo(admin);
    // migration and deployment concern process definitions, not one case: the engine's own chain
    List<JsonNode> engineChain = story(AuditWriter.ENGINE_CHAIN);
    assertThat(operations(engineChain, "Migrate")).contains(admin);
    assertThat(engineChain).anySatisfy(e -> {
      assertThat(e.at("/details/operationType").asText()).isEqualTo("Create");
      assertThat(e.at("/details/entityType").asText()).isEqualTo("Deployment");
      assertThat(e.at("/details/deploymentId").asText()).isEqualTo(deployment.getId());
      assertThat(e.get("actor").asText()).isEqualTo(admin);
    });
  }

  @Test
  void everyIncidentRaisedAndResolved() {
    String reference = submitted(Category.DELAY, CustomerTier.STANDARD);
    Job delivery = Jobs.messageDeliveries(engine, reference).get(0);
    SMTP.stop();
    try {
      for (int attempt = 1; attempt <= 3; attempt++) {
        assertThatThrownBy(() -> management.executeJob(delivery.getId()));
      }
    } finally {
      SMTP.start();
    }
    JsonNode raised = one(story(reference), e -> type(e, "incident-create"));
    assertThat(raised.at("/details/incidentType").asText()).isEqualTo("failedJob");
    assertThat(raised.at("/details/message").asText()).startsWith(reference + ": ").contains("Sending message");
    assertThat(raised.get("story").asText()).startsWith("Incident at MessageDelivery: ");

    management.setJobRetries(delivery.getId(), 1);
    management.executeJob(delivery.getId());
    assertThat(story(reference)).anySatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("incident-resolve"))
        .anySatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("message-sent"));
  }

  @Test
  void everyFourEyesRefusal() {
    String reference = submitted(Category.DAMAGE, CustomerTier.STANDARD);
    String team = complaints.get(reference).classification().handlerGroup();
    // a handler who is also a supervisor proposes, then tries to approve their own proposal
    String both = TestUsers.ensure(identity, "eyes-handler", team, Groups.SUPERVISORS);
    Handling.resolveWithCompensation(engine, reference, both, "REFUND", "800.00", "The cleaner broke the vase.");
    Handling.runDueJobs(engine, reference);
    String approval = Handling.task(engine, reference, CompensationApprovalProcess.TASK_APPROVE).getId();

    assertThatThrownBy(() -> as(both, () -> tasks.claim(approval, both)));

    JsonNode refused = one(story(reference), e -> type(e, "four-eyes-refused"));
    assertThat(refused.get("actor").asText()).isEqualTo(both);
    assertThat(refused.at("/details/user").asText()).isEqualTo(both);
    assertThat(refused.at("/details/task").asText()).isEqualTo(CompensationApprovalProcess.TASK_APPROVE);
    assertThat(refused.at("/details/reason").asText()).isNotBlank();
    assertThat(tasks.createTaskQuery().taskId(approval).singleResult().getAssignee()).as("and nothing changed")
        .isNull();
    assertThat(bean(AuditIntegrity.class).verifyChain(reference).verified()).isTrue();
  }

  private String submitted(Category category, CustomerTier tier) {
    String reference = complaints.submit(Complaints.of(category, tier), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    return reference;
  }

  private List<JsonNode> story(String chain) {
    List<JsonNode> events = new ArrayList<>();
    Http.json(auditor.get("/api/audit/complaints/" + chain + "/timeline")).forEach(events::add);
    return events;
  }

  private static List<String> operations(List<JsonNode> story, String operationType) {
    return story.stream().filter(e -> type(e, "user-operation")
        && e.at("/details/operationType").asText().equals(operationType)).map(e -> e.get("actor").asText()).toList();
  }

  private static boolean type(JsonNode event, String type) {
    return event.get("type").asText().equals(type);
  }

  private static JsonNode one(List<JsonNode> story, Predicate<JsonNode> which) {
    List<JsonNode> found = story.stream().filter(which).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private void as(String user, Runnable action) {
    as(user, () -> {
      action.run();
      return null;
    });
  }

  private <T> T as(String user, java.util.function.Supplier<T> action) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
