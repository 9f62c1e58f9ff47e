package com.redress.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.support.Http;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.RedressNode;
import com.redress.support.Submissions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL stopped and started again under load, a Redress node (a JVM of its own) in front of
 * it. A customer's client submits complaints without pause, each with its own Idempotency-Key,
 * and repeats a refused one with the same key. While the database is down every request answers
 * 503 problem+json and health says DOWN; once it is back the node recovers by itself (steps cut off
 * run again when their lock expires): every key
 * is accepted exactly once, every accepted complaint has its process and its acknowledgement
 * mail (sent once), and nothing half-written remains.
 */
class DatabaseOutageTest extends PostgresApplicationTest {

  private record Answer(Instant at, int status, String contentType, String body) {
  }

  @Test
  void requestsDuringARestartFailCleanlyAndEveryAcceptedComplaintIsCompleteOnce() throws Exception {
    int mailsBefore = mailsSoFar();
    Path data = Files.createTempDirectory("redress-pg-outage");
    int pgPort = freePort();
    EmbeddedPostgres database = startDatabase(data, pgPort);
    List<Answer> answers = new CopyOnWriteArrayList<>();
    Map<String, String> accepted = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService customer = Executors.newSingleThreadExecutor();
    try (RedressNode node = RedressNode.start("outage-node", database.getJdbcUrl("postgres", "postgres"), "postgres",
        SMTP.getSmtp().getPort(), RedressNode.hostname("outage-node"),
        // steps cut off by the outage could not record their failure: they run again when their lock
        // expires (5 minutes by default, 10 s here)
        "--camunda.bpm.job-execution.lock-time-in-millis=10000", "--camunda.bpm.job-execution.max-wait=1000")) {
      Future<?> client = customer.submit(() -> submitUntilStopped(node, answers, accepted, stop));
      awaitAccepted(accepted, 10);

      database.close();
      Instant down = Instant.now();
      RedressNode.awaitValue("refusals while the database is down", Duration.ofMinutes(1), Duration.ofMillis(100),
          () -> answers.stream().filter(a -> a.at().isAfter(down) && a.status() != 201).count() >= 3 ? true : null);
      assertThat(node.http().get("/actuator/health").statusCode()).as("health while down").isEqualTo(503);
      // staff credentials cannot be checked either: the same 503, not "who are you?"
      HttpResponse<String> staff = node.http().as("outage-staff", "any").get("/api/complaints");
      assertThat(staff.statusCode()).as(staff.body()).isEqualTo(503);
      assertThat(staff.body()).contains("\"status\":503").contains("try again");

      database = startDatabase(data, pgPort);
      Instant up = Instant.now();
      int before = accepted.size();
      awaitAccepted(accepted, before + 10);
      stop.set(true);
      client.get(1, TimeUnit.MINUTES);
      Instant firstAfter = answers.stream().filter(a -> a.at().isAfter(up) && a.status() == 201).map(Answer::at)
          .findFirst().orElseThrow();
      assertThat(node.http().get("/actuator/health").statusCode()).as("health after").isEqualTo(200);

      // every refusal is a clean 503 the client can act on; nothing else ever answered
      assertThat(answers).allSatisfy(a -> assertThat(a.status())
          .as(() -> a.body() + "\nwhat the node logged about failed API calls:\n" + node.apiFailures()).isIn(201, 503));
      List<Answer> refused = answers.stream().filter(a -> a.status() == 503).toList();
      assertThat(refused).isNotEmpty().allSatisfy(a -> {
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body()).contains("\"status\":503").contains("try again");
      });

      JdbcTemplate jdbc = new JdbcTemplate(database.getPostgresDatabase());
      String in = String.join(",", accepted.values().stream().map(r -> "'" + r + "'").toList());
      assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT reference) FROM complaint WHERE reference IN (" + in + ")",
          Integer.class)).as("one complaint per key").isEqualTo(accepted.size());
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE customer_id LIKE 'C-OUTAGE-%'",
          Integer.class)).as("nothing stored that was not accepted").isEqualTo(accepted.size());
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ IN (" + in + ")"
          + " AND PROC_DEF_KEY_ = 'ComplaintHandling'", Integer.class)).as("a process per complaint")
          .isEqualTo(accepted.size());
      RedressNode.awaitValue("every acknowledgement sent", Duration.ofMinutes(2), Duration.ofMillis(200), () ->
          jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE status = 'SENT' AND kind = 'ACKNOWLEDGEMENT'"
              + " AND complaint_reference IN (" + in + ")", Integer.class) == accepted.size() ? true : null);
      // one acknowledgement each, counted among this test's mails only
      assertThat(mailsPerSubject(accepted.values(), mailsBefore)).hasSize(accepted.size())
          .allSatisfy((subject, times) -> assertThat(times).as(subject).isEqualTo(1));
      System.out.printf("[measurement] PostgreSQL restarted under load: %d requests, %d accepted (%d keys), %d"
          + " refused with 503 during %.1f s down; first acceptance %.1f s after the database was back%n",
          answers.size(), answers.stream().filter(a -> a.status() == 201).count(), accepted.size(), refused.size(),
          Duration.between(down, up).toMillis() / 1000.0, Duration.between(up, firstAfter).toMillis() / 1000.0);
    } finally {
      stop.set(true);
      customer.shutdownNow();
      database.close();
    }
  }

  /** One key at a time: a refused submission is repeated with the same key until it is accepted. */
  private static void submitUntilStopped(RedressNode node, List<Answer> answers, Map<String, String> accepted,
      AtomicBoolean stop) {
    Http http = node.http().withTimeout(Duration.ofSeconds(60));
    while (!stop.get()) {
      String key = UUID.randomUUID().toString();
      String customerId = "C-OUTAGE-" + key.substring(0, 8);
      String body = Submissions.body(customerId, "ORD-" + key.substring(0, 8), "DAMAGE", "STANDARD", "Vase broken");
      while (!accepted.containsKey(key)) {
        HttpResponse<String> response = http.postJson("/api/complaints", body, "Idempotency-Key", key);
        answers.add(new Answer(Instant.now(), response.statusCode(),
            response.headers().firstValue("Content-Type").orElse(""), response.body()));
        if (response.statusCode() == 201) {
          accepted.put(key, Http.json(response).get("reference").asText());
        } else {
          RedressNode.pause(); // a client's pace between attempts, as Retry-After asks
        }
      }
    }
  }

  private static void awaitAccepted(Map<String, String> accepted, int count) {
    RedressNode.awaitValue(count + " complaints accepted", Duration.ofMinutes(2), Duration.ofMillis(100),
        () -> accepted.size() >= count ? true : null);
  }

  /** A server that keeps its data when stopped, so it can start again on the same port with it. */
  private static EmbeddedPostgres startDatabase(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
        .setRegisterShutdownHook(false).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
