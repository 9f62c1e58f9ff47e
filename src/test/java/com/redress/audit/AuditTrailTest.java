package com.redress.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.StaffSession;
import com.redress.support.TestUsers;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail: captured from the engine's history pipeline and domain changes, hash-chained, readable. */
class AuditTrailTest extends ApplicationTest {

  @Autowired ComplaintService complaints;
  @Autowired TaskService tasks;
  @Autowired AuditIntegrity integrity;
  @Autowired JdbcTemplate jdbc;

  private Http auditor;

  @BeforeEach
  void users() {
    TestUsers.ensure(engine.getIdentityService(), "audit-dispatcher", Groups.DISPATCHERS);
    TestUsers.ensure(engine.getIdentityService(), "audit-handler", Groups.TEAM_BILLING);
    auditor = http.as(TestUsers.ensure(engine.getIdentityService(), "audit-auditor", Groups.AUDITORS),
        TestUsers.PASSWORD);
  }

  /** Submission → triage by a dispatcher → handling by a handler, each acting through the engine as themselves. */
  private String triagedAndHandledComplaint() {
    String reference = complaints.submit(Complaints.of(Category.OTHER, CustomerTier.SILVER), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    actAs("audit-dispatcher", Groups.DISPATCHERS, () -> {
      String triage = task(reference, ComplaintHandlingProcess.TASK_TRIAGE);
      tasks.claim(triage, "audit-dispatcher");
      tasks.complete(triage, Map.of("severity", "HIGH", "handlerGroup", Groups.TEAM_BILLING,
          "firstResponseSlaHours", 4L, "resolutionSlaHours", 24L));
    });
    runJobs(reference);
    actAs("audit-handler", Groups.TEAM_BILLING, () -> {
      String handle = task(reference, ComplaintHandlingProcess.TASK_HANDLE);
      tasks.claim(handle, "audit-handler");
      tasks.complete(handle, Map.of("rootCause", "SYSTEM_FAILURE",
          "resolution", "Refunded the second charge.", "serviceFailureAcknowledged", true));
    });
    runJobs(reference);
    return reference;
  }

  @Test
  void timelineTellsTheCaseAsBusinessEventsWithTheirValues() {
    String reference = triagedAndHandledComplaint();
    assertThat(Jobs.deliverMessages(engine, reference)).as("acknowledgement and resolution notice").isEqualTo(2);

    JsonNode timeline = Http.json(auditor.get("/api/audit/complaints/" + reference + "/timeline"));
    List<JsonNode> events = new ArrayList<>();
    timeline.forEach(events::add);

    assertThat(events).extracting(e -> e.get("seq").asLong())
        .as("a gapless chain from 1").isEqualTo(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
    assertThat(events).extracting(e -> e.get("type").asText()).as("no engine-internal rows")
        .noneMatch(type -> type.matches("(activity|variable|task|job|identity-link|process)-.*"));
    assertThat(events).allSatisfy(e -> assertThat(e.get("story").asText()).isNotBlank()
        .doesNotContain("engine record").doesNotContain("?"));
    assertThat(events).hasSizeLessThanOrEqualTo(20);

    assertThat(events.get(0).get("type").asText()).isEqualTo("complaint-received");
    assertThat(events.get(0).at("/details/status").asText()).isEqualTo("RECEIVED");

    JsonNode decision = only(events, "rule-decision");
    assertThat(decision.at("/details/decisionKey").asText()).isEqualTo("ComplaintClassification");
    assertThat(decision.at("/details/decisionVersion").asInt()).isPositive();
    assertThat(decision.at("/details/inputs/Category").asText()).isEqualTo("OTHER");
    assertThat(decision.at("/details/inputs/Customer tier").asText()).isEqualTo("SILVER");
    assertThat(decision.at("/details/matchedRules").size()).as("no rule for OTHER").isZero();
    assertThat(decision.get("story").asText()).startsWith("Decided by ComplaintClassification v")
        .contains("no rule matched").contains("Category OTHER");

    // the dispatcher's decision, with its values, by the dispatcher
    JsonNode classified = events.stream().filter(e -> e.at("/details/status").asText().equals("IN_PROGRESS"))
        .findFirst().orElseThrow();
    assertThat(classified.at("/details/classifiedBy").asText()).isEqualTo("audit-dispatcher");
    assertThat(classified.get("story").asText())
        .isEqualTo("Classified HIGH for " + Groups.TEAM_BILLING + " by audit-dispatcher; resolution due "
            + classified.at("/details/resolutionDue").asText());
    assertThat(events).anySatisfy(e -> {
      assertThat(e.get("type").asText()).isEqualTo("user-operation");
      assertThat(e.at("/details/operationType").asText()).isEqualTo("Claim");
      assertThat(e.get("actor").asText()).isEqualTo("audit-handler");
      assertThat(e.get("story").asText()).isEqualTo("audit-handler claimed 'Handle complaint'");
    });
    assertThat(events).filteredOn(e -> e.at("/details/operationType").asText().equals("Complete"))
        .extracting(e -> e.get("actor").asText()).containsExactly("audit-dispatcher", "audit-handler");

    // the handler's decision, with the values entered
    JsonNode resolved = events.stream().filter(e -> e.at("/details/status").asText().equals("RESOLVED"))
        .findFirst().orElseThrow();
    assertThat(resolved.at("/details/resolvedBy").asText()).isEqualTo("audit-handler");
    assertThat(resolved.at("/details/rootCause").asText()).isEqualTo("SYSTEM_FAILURE");
    assertThat(resolved.get("story").asText())
        .isEqualTo("audit-handler resolved it: root cause SYSTEM_FAILURE, 'Refunded the second charge.'");

    // every message sent: to whom, which template, when
    assertThat(events).filteredOn(e -> e.get("type").asText().equals("message-sent"))
        .extracting(e -> e.at("/details/kind").asText()).containsExactlyInAnyOrder("ACKNOWLEDGEMENT", "RESOLUTION");
    assertThat(integrity.verifyChain(reference).verified()).isTrue();
  }

  private static JsonNode only(List<JsonNode> events, String type) {
    List<JsonNode> found = events.stream().filter(e -> e.get("type").asText().equals(type)).toList();
    assertThat(found).as(type).hasSize(1);
    return found.get(0);
  }

  @Test
  void classificationDecisionShowsItsOutputsAndTheMatchedRule() {
    String reference = complaints.submit(Complaints.of(Category.SAFETY, CustomerTier.GOLD), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);

    JsonNode timeline = Http.json(auditor.get("/api/audit/complaints/" + reference + "/timeline"));
    List<JsonNode> events = new ArrayList<>();
    timeline.forEach(events::add);
    JsonNode decision = only(events, "rule-decision");
    assertThat(decision.at("/details/outputs/severity").asText()).isEqualTo("CRITICAL");
    assertThat(decision.at("/details/outputs/handlerGroup").asText()).isEqualTo(Groups.TEAM_SAFETY);
    assertThat(decision.at("/details/matchedRules/0").asText()).isEqualTo("Rule_SafetyPremiumCustomer");
    assertThat(decision.get("activityId").asText()).isEqualTo(ComplaintHandlingProcess.TASK_CLASSIFY);
  }

  @Test
  void untouchedTrailVerifiesAndEveryTamperingIsFoundAtItsPosition() {
    String reference = triagedAndHandledComplaint();
    Jobs.deliverMessages(engine, reference);
    assertThat(integrity.verifyAll().verified()).isTrue();
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?", Long.class, reference);
    assertThat(rows).isGreaterThan(10);

    // changed content
    String details = jdbc.queryForObject("SELECT details FROM audit_event WHERE chain_key = ? AND seq = 5",
        String.class, reference);
    jdbc.update("UPDATE audit_event SET details = ? WHERE chain_key = ? AND seq = 5", details + " ", reference);
    assertBrokenAt(reference, 5, "content changed");
    StaffSession page = new StaffSession(port);
    page.signIn("audit-auditor", TestUsers.PASSWORD);
    assertThat(page.submit("/audit/integrity", "/audit/integrity").body()).as("the integrity page")
        .contains("Broken: chain " + reference + " at position 5: content changed");
    jdbc.update("UPDATE audit_event SET details = ? WHERE chain_key = ? AND seq = 5", details, reference);
    assertThat(integrity.verifyChain(reference).verified()).isTrue();

    // reordered rows
    jdbc.update("UPDATE audit_event SET seq = -1 WHERE chain_key = ? AND seq = 7", reference);
    jdbc.update("UPDATE audit_event SET seq = 7 WHERE chain_key = ? AND seq = 8", reference);
    jdbc.update("UPDATE audit_event SET seq = 8 WHERE chain_key = ? AND seq = -1", reference);
    assertBrokenAt(reference, 7, "previous hash does not match");
    jdbc.update("UPDATE audit_event SET seq = -1 WHERE chain_key = ? AND seq = 7", reference);
    jdbc.update("UPDATE audit_event SET seq = 7 WHERE chain_key = ? AND seq = 8", reference);
    jdbc.update("UPDATE audit_event SET seq = 8 WHERE chain_key = ? AND seq = -1", reference);
    assertThat(integrity.verifyChain(reference).verified()).isTrue();

    // removed row, in the middle and at the end
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_event WHERE chain_key = ? AND seq = 10", reference);
    jdbc.update("DELETE FROM audit_event WHERE chain_key = ? AND seq = 10", reference);
    assertBrokenAt(reference, 10, "row missing or out of order");
    restore(row);
    long last = rows;
    Map<String, Object> lastRow = jdbc.queryForMap("SELECT * FROM audit_event WHERE chain_key = ? AND seq = ?",
        reference, last);
    jdbc.update("DELETE FROM audit_event WHERE chain_key = ? AND seq = ?", reference, last);
    assertBrokenAt(reference, last, "rows missing at the end of the chain");
    restore(lastRow);
    assertThat(integrity.verifyAll().verified()).isTrue();
  }

  @Test
  void aRolledBackStepLeavesNoAuditRowAndItsRetryExactlyOne() {
    String reference = complaints.submit(Complaints.of(Category.DELAY, CustomerTier.STANDARD), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    Job send = Jobs.messageDeliveries(engine, reference).get(0);

    SMTP.stop();
    try {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(send.getId()));
    } finally {
      SMTP.start();
    }
    assertThat(events(reference, "message-sent")).isZero();

    engine.getManagementService().executeJob(send.getId());
    assertThat(events(reference, "message-sent")).isEqualTo(1);
    assertThat(integrity.verifyChain(reference).verified()).isTrue();
  }

  @Test
  void onlyAuditorsReadTheTrailAndCsvHasOneRowPerEvent() throws Exception {
    String reference = triagedAndHandledComplaint();
    String path = "/api/audit/complaints/" + reference + "/timeline";

    assertThat(http.get(path).statusCode()).isEqualTo(401);
    HttpResponse<String> handler = http.as("audit-handler", TestUsers.PASSWORD).get(path);
    assertThat(handler.statusCode()).isEqualTo(403);
    assertThat(handler.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(http.as("audit-handler", TestUsers.PASSWORD).get("/api/audit/integrity").statusCode()).isEqualTo(403);

    HttpResponse<String> csv = auditor.get(path, "text/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.body())).getRecords();
    long events = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?", Long.class, reference);
    assertThat(records).hasSize((int) events);
    assertThat(records.get(0).get("type")).isEqualTo("complaint-received");
    assertThat(records).anySatisfy(r -> assertThat(r.get("actor")).isEqualTo("audit-handler"));

    JsonNode report = Http.json(auditor.get("/api/audit/integrity"));
    assertThat(report.get("verified").asBoolean()).isTrue();
    assertThat(report.get("events").asLong()).isGreaterThanOrEqualTo(events);
    assertThat(Http.json(auditor.get("/api/audit/integrity?reference=" + reference)).get("chains").asInt()).isEqualTo(1);
  }

  @Test
  void retentionRemovesOldRowsAndSealsTheChainSoItStillVerifies() {
    String reference = complaints.submit(Complaints.of(Category.DELAY, CustomerTier.STANDARD), null, null).reference();
    long oldRows = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?", Long.class, reference);
    long eightYears = java.time.Duration.ofDays(8 * 366).toMillis();
    ClockUtil.offset(eightYears);
    try {
      Jobs.continueAfterRegistration(engine, reference); // new events, eight years later
      long newRows = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?", Long.class, reference)
          - oldRows;

      assertThat(bean(AuditRetention.class).removeExpired()).isGreaterThanOrEqualTo((int) oldRows);

      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?", Long.class, reference))
          .isEqualTo(newRows);
      assertThat(jdbc.queryForObject("SELECT MIN(seq) FROM audit_event WHERE chain_key = ?", Long.class, reference))
          .isEqualTo(oldRows + 1);
      assertThat(jdbc.queryForObject("SELECT sealed_seq FROM audit_chain WHERE chain_key = ?", Long.class, reference))
          .isEqualTo(oldRows);
      assertThat(integrity.verifyAll().verified()).isTrue();
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Work that runs once a transaction has committed, as Camunda's history cleanup reschedules
   * itself (a transaction of its own) or as a joining callback would: what it records is written
   * once, what failed work recorded is not, and the next transaction on the thread loses nothing.
   */
  @Test
  void workRunAfterACommitAndTheNextTransactionLoseNoAuditEvent() {
    AuditTrail trail = bean(AuditTrail.class);
    TransactionTemplate joining = bean(TransactionTemplate.class);
    TransactionTemplate own = new TransactionTemplate(bean(PlatformTransactionManager.class));
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    String suffix = Long.toString(System.nanoTime());
    joining.executeWithoutResult(tx -> {
      trail.recordDomainChange("COMMITTING-" + suffix, "test-event", Map.of());
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          trail.recordDomainChange("LATE-BEFORE-COMMIT-" + suffix, "test-event", Map.of());
        }

        @Override
        public void afterCommit() {
          own.executeWithoutResult(late -> trail.recordDomainChange("OWN-AFTER-COMMIT-" + suffix, "test-event",
              Map.of()));
          joining.executeWithoutResult(late -> trail.recordDomainChange("JOINED-AFTER-COMMIT-" + suffix,
              "test-event", Map.of()));
        }
      });
    });
    joining.executeWithoutResult(tx -> trail.recordDomainChange("NEXT-" + suffix, "test-event", Map.of()));

    for (String chain : List.of("COMMITTING-", "LATE-BEFORE-COMMIT-", "OWN-AFTER-COMMIT-", "JOINED-AFTER-COMMIT-",
        "NEXT-")) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?", Long.class, chain + suffix))
          .as(chain).isEqualTo(1);
    }
    assertThat(integrity.verifyAll().verified()).isTrue();
  }

  @Test
  void failedWorkAfterACommitLeavesNoAuditEvent() {
    AuditTrail trail = bean(AuditTrail.class);
    TransactionTemplate joining = bean(TransactionTemplate.class);
    String suffix = Long.toString(System.nanoTime());
    joining.executeWithoutResult(tx -> {
      trail.recordDomainChange("COMMITTING-" + suffix, "test-event", Map.of());
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          assertThatThrownBy(() -> joining.executeWithoutResult(late -> {
            trail.recordDomainChange("FAILED-AFTER-COMMIT-" + suffix, "test-event", Map.of());
            throw new IllegalStateException("the work failed");
          })).hasMessage("the work failed");
        }
      });
    });

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?", Long.class,
        "COMMITTING-" + suffix)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?", Long.class,
        "FAILED-AFTER-COMMIT-" + suffix)).isZero();
  }

  @Test
  void concurrentTransactionsOnOneChainKeepItUnbroken() throws Exception {
    String chain = "SHARED-" + System.nanoTime();
    AuditTrail trail = bean(AuditTrail.class);
    TransactionTemplate transactions = bean(TransactionTemplate.class);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int n = i;
      done.add(pool.submit(() -> transactions.executeWithoutResult(tx -> {
        trail.recordDomainChange(chain, "test-event", Map.of("n", n));
        trail.recordDomainChange(chain, "test-event", Map.of("n", n, "second", true));
      })));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?", Long.class, chain))
        .isEqualTo(80);
    assertThat(integrity.verifyChain(chain).verified()).isTrue();
  }

  @Test
  void aRemovedChainHeadIsReportedNotIgnored() {
    String reference = complaints.submit(Complaints.of(Category.DELAY, CustomerTier.STANDARD), null, null).reference();
    Map<String, Object> head = jdbc.queryForMap("SELECT * FROM audit_chain WHERE chain_key = ?", reference);
    jdbc.update("DELETE FROM audit_chain WHERE chain_key = ?", reference);
    try {
      AuditIntegrity.Report report = integrity.verifyAll();
      assertThat(report.verified()).isFalse();
      assertThat(report.firstBrokenLink().chain()).isEqualTo(reference);
      assertThat(report.firstBrokenLink().problem()).isEqualTo(AuditIntegrity.Problem.HEAD_REMOVED);
    } finally {
      jdbc.update("INSERT INTO audit_chain (chain_key, last_seq, last_hash, sealed_seq, sealed_hash) VALUES (?, ?, ?, ?, ?)",
          head.get("CHAIN_KEY"), head.get("LAST_SEQ"), head.get("LAST_HASH"), head.get("SEALED_SEQ"),
          head.get("SEALED_HASH"));
    }
    assertThat(integrity.verifyAll().verified()).isTrue();
  }

  @Test
  void onlyAdministratorsRunRetention() {
    assertThat(auditor.post("/api/audit/retention", "application/json", "").statusCode()).isEqualTo(403);
  }

  private void assertBrokenAt(String chain, long seq, String problem) {
    AuditIntegrity.Report report = integrity.verifyAll();
    assertThat(report.verified()).isFalse();
    assertThat(report.firstBrokenLink().chain()).isEqualTo(chain);
    assertThat(report.firstBrokenLink().seq()).isEqualTo(seq);
    assertThat(report.firstBrokenLink().problem().english()).isEqualTo(problem);
  }

  private void restore(Map<String, Object> row) {
    jdbc.update("""
        INSERT INTO audit_event (id, chain_key, seq, occurred_at, source, event_type, actor, process_instance_id,
          activity_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        row.get("ID"), row.get("CHAIN_KEY"), row.get("SEQ"), row.get("OCCURRED_AT"), row.get("SOURCE"),
        row.get("EVENT_TYPE"), row.get("ACTOR"), row.get("PROCESS_INSTANCE_ID"), row.get("ACTIVITY_ID"),
        row.get("DETAILS"), row.get("PREV_HASH"), row.get("HASH"));
  }

  private long events(String reference, String type) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ? AND event_type = ?", Long.class,
        reference, type);
  }

  private String task(String reference, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult().getId();
  }

  private void runJobs(String reference) {
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY)
        .singleResult().getId();
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance).list()) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  private void actAs(String user, String group, Runnable action) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      action.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
