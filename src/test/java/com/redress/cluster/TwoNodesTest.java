package com.redress.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.identity.Groups;
import com.redress.support.Http;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.RedressNode;
import com.redress.support.Submissions;
import com.redress.support.TestUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Redress's production shape: two nodes (JVMs of their own, job executors on) sharing one
 * PostgreSQL. Complaints go through their whole life with every call spread over both nodes;
 * afterwards each complaint closed once, each job ran once (and both nodes ran jobs), each e-mail
 * went out once, each compensation was issued once and every audit chain verifies.
 */
class TwoNodesTest extends PostgresApplicationTest {

  static final int COMPLAINTS = Integer.getInteger("cluster.complaints", 500);
  static final int CLIENTS = 8;
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  @Autowired EmbeddedPostgres postgres;
  @Autowired JdbcTemplate jdbc;

  @Test
  void complaintsSpreadOverTwoNodesEachCloseOnceWithNothingDuplicated() throws Exception {
    String handler = TestUsers.ensure(engine.getIdentityService(), "node-handler", Groups.TEAM_LOGISTICS);
    String reviewer = TestUsers.ensure(engine.getIdentityService(), "node-reviewer", Groups.QUALITY_REVIEWERS);
    String auditor = TestUsers.ensure(engine.getIdentityService(), "node-auditor", Groups.AUDITORS);
    String url = postgres.getJdbcUrl("postgres", "postgres");
    int smtp = SMTP.getSmtp().getPort();
    try (RedressNode a = RedressNode.start("node-a", url, "postgres", smtp, hostname("node-a"));
        RedressNode b = RedressNode.start("node-b", url, "postgres", smtp, hostname("node-b"))) {
      List<RedressNode> nodes = List.of(a, b);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      Instant start = Instant.now();
      List<Future<String>> lives = new ArrayList<>();
      for (int i = 0; i < COMPLAINTS; i++) {
        int n = i;
        // every step on the other node than the one before: no node sees a whole complaint
        lives.add(clients.submit(() -> live(n, nodes.get(n % 2), nodes.get((n + 1) % 2), handler, reviewer)));
      }
      List<String> references = new ArrayList<>();
      for (Future<String> life : lives) {
        references.add(life.get());
      }
      clients.shutdown();
      double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
      System.out.printf("[measurement] %d complaints through their whole life on two nodes in %.1f s: %.1f/s%n",
          COMPLAINTS, seconds, COMPLAINTS / seconds);

      assertThat(count("SELECT COUNT(*) FROM complaint_kpi WHERE complaint_reference LIKE 'CMP-%' AND complaint_reference IN ("
          + in(references) + ")")).isEqualTo(COMPLAINTS);
      assertThat(jdbc.queryForList("SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 GROUP BY JOB_ID_"
          + " HAVING COUNT(*) > 1", String.class)).as("jobs that succeeded twice").isEmpty();
      assertThat(jdbc.queryForList("SELECT DISTINCT HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2", String.class))
          .as("nodes that ran jobs").contains("node-a", "node-b");
      assertThat(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT")).isZero();
      assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE status <> 'SENT' AND complaint_reference IN ("
          + in(references) + ")")).isZero();
      assertEachMailOnce(references);
      int proposed = COMPLAINTS / 10;
      assertThat(count("SELECT COUNT(*) FROM compensation_issue i JOIN compensation c ON c.id = i.compensation_id"
          + " WHERE c.complaint_reference IN (" + in(references) + ")")).isEqualTo(proposed);
      JsonNode integrity = Http.json(a.http().as(auditor, TestUsers.PASSWORD).get("/api/audit/integrity"));
      assertThat(integrity.get("verified").asBoolean()).as(integrity.toString()).isTrue();
    }
  }

  /** One complaint's life: submit, handle (one in ten with a voucher), survey, quality review, closed. */
  private String live(int n, RedressNode first, RedressNode second, String handler, String reviewer) {
    HttpResponse<String> created = first.http().postJson("/api/complaints", Submissions.valid("DAMAGE", "PLATINUM"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = Http.json(created).get("reference").asText();
    String token = Http.json(created).get("accessToken").asText();
    String outcome = n % 10 == 0
        ? "\"compensationType\": {\"value\": \"VOUCHER\"}, \"compensationAmount\": {\"value\": \"50.00\"},"
            + " \"compensationCurrency\": {\"value\": \"CNY\"}, \"compensationReason\": {\"value\": \"A goodwill voucher.\"}"
        : "\"compensationType\": {\"value\": \"NONE\"}";
    completeTask(second, handler, reference, ComplaintHandlingProcess.TASK_HANDLE,
        "{\"variables\": {\"rootCause\": {\"value\": \"STAFF_ERROR\"}, \"resolution\": {\"value\": \"Replaced the vase.\"},"
            + " \"serviceFailureAcknowledged\": {\"value\": true}, " + outcome + "}}");
    awaitStatus(first, reference, token, "AWAITING_FEEDBACK");
    HttpResponse<String> answered = first.http().postJson("/api/complaints/" + reference + "/survey",
        "{\"token\": \"" + token + "\", \"score\": 5}");
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
    completeTask(second, reviewer, reference, ComplaintHandlingProcess.TASK_REVIEW_QUALITY,
        "{\"variables\": {\"qualityScore\": {\"value\": 4}, \"innovative\": {\"value\": false}}}");
    awaitStatus(first, reference, token, "CLOSED");
    return reference;
  }

  private static void completeTask(RedressNode node, String user, String reference, String taskKey, String variables) {
    Http as = node.http().as(user, TestUsers.PASSWORD);
    JsonNode task = await(reference + " " + taskKey, () -> {
      JsonNode tasks = Http.json(as.get("/engine-rest/task?processInstanceBusinessKey=" + reference
          + "&taskDefinitionKey=" + taskKey));
      return tasks.isEmpty() ? null : tasks.get(0);
    });
    String id = task.get("id").asText();
    HttpResponse<String> claimed = as.postJson("/engine-rest/task/" + id + "/claim", "{\"userId\": \"" + user + "\"}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    HttpResponse<String> submitted = as.postJson("/engine-rest/task/" + id + "/submit-form", variables);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
  }

  private static void awaitStatus(RedressNode node, String reference, String token, String status) {
    await(reference + " " + status, () -> status.equals(Http.json(node.http()
        .get("/api/complaints/" + reference + "?token=" + token)).get("status").asText()) ? Boolean.TRUE : null);
  }

  /** Polls what the nodes' job executors will get to, up to a minute. */
  private static <T> T await(String what, Supplier<T> check) {
    Instant deadline = Instant.now().plus(STEP_TIMEOUT);
    for (T value = check.get(); ; value = check.get()) {
      if (value != null) {
        return value;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + STEP_TIMEOUT + ": " + what);
      }
      RedressNode.pause();
    }
  }

  private void assertEachMailOnce(List<String> references) throws MessagingException {
    Map<String, Integer> bySubject = new HashMap<>();
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      String subject = message.getSubject();
      if (references.stream().anyMatch(subject::contains)) {
        bySubject.merge(subject, 1, Integer::sum);
      }
    }
    assertThat(bySubject).as("e-mails per subject").isNotEmpty().allSatisfy((subject, times) -> assertThat(times)
        .as(subject).isEqualTo(1));
    assertThat(bySubject).hasSize(count("SELECT COUNT(*) FROM notification_outbox WHERE complaint_reference IN ("
        + in(references) + ")"));
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }

  private static String in(List<String> references) {
    return String.join(",", references.stream().map(r -> "'" + r + "'").toList());
  }

  private static String hostname(String name) {
    return "--camunda.bpm.generic-properties.properties.hostname=" + name;
  }
}
