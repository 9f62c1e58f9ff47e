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
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import reference.ReferenceApplication;

/**
 * Benchmark, not a test: Redress against the bare reference (reference.ReferenceApplication: Spring
 * Boot and Camunda with history FULL, authorizations on, no Redress code), both in JVMs of their own
 * on the same PostgreSQL server in the same run, driven by the same clients over HTTP. Prints one
 * table with each scenario's throughput and p50/p95/p99 for both and their ratio. Run with
 * {@code mvn -B verify -Dpostgres.groups=benchmark -Dtest=ReferenceComparisonBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the table also goes to target/measurements/reference-comparison.txt.
 */
@Tag("benchmark")
class ReferenceComparisonBenchmark extends PostgresApplicationTest {

  static final int CASES = Integer.getInteger("comparison.cases", 400);
  static final int CLIENTS = 4;
  static final Path OUT = Path.of("target", "measurements", "reference-comparison.txt");

  @Autowired EmbeddedPostgres postgres;
  @Autowired JdbcTemplate jdbc;

  /** Throughput and latency percentiles of one scenario on one system. */
  record Figures(double perSecond, double p50, double p95, double p99) {
  }

  @Test
  void redressAgainstTheBareEngine() throws Exception {
    jdbc.execute("CREATE DATABASE reference");
    jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    String handler = TestUsers.ensure(engine.getIdentityService(), "bench-logistics", Groups.TEAM_LOGISTICS);
    List<String> table = new ArrayList<>();
    table.add("| scenario | Redress /s | p50 / p95 / p99 ms | reference /s | p50 / p95 / p99 ms | ratio |");
    table.add("|---|---|---|---|---|---|");
    try (RedressNode reference = RedressNode.startReference("reference", postgres.getJdbcUrl("postgres", "reference"),
        "postgres");
        RedressNode redress = RedressNode.start("redress", postgres.getJdbcUrl("postgres", "postgres"), "postgres",
            SMTP.getSmtp().getPort())) {
      Http ref = reference.http().as(ReferenceApplication.USER, ReferenceApplication.PASSWORD);
      jdbc.execute("SELECT pg_stat_statements_reset()");
      Http red = redress.http().as(handler, TestUsers.PASSWORD);

      System.out.println("[progress] intake against start → DMN → user task");
      ConcurrentLinkedQueue<String> redressTasks = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> referenceTasks = new ConcurrentLinkedQueue<>();
      Figures intake = run(i -> {
        HttpResponse<String> created = redress.http().postJson("/api/complaints", Submissions.valid("DAMAGE", "PLATINUM"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reference1 = Http.json(created).get("reference").asText();
        redressTasks.add(await(() -> {
          JsonNode tasks = Http.json(red.get("/engine-rest/task?processInstanceBusinessKey=" + reference1
              + "&taskDefinitionKey=" + ComplaintHandlingProcess.TASK_HANDLE));
          return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
        }));
      });
      Figures decisionTask = run(i -> {
        HttpResponse<String> started = ref.postJson("/engine-rest/process-definition/key/Reference_DecisionTask/start",
            "{\"variables\": {\"tier\": {\"value\": \"GOLD\"}, \"channel\": {\"value\": \"WEB\"},"
                + " \"amount\": {\"value\": " + (i * 37 % 2000) + ", \"type\": \"Integer\"}}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instance = Http.json(started).get("id").asText();
        referenceTasks.add(Http.json(ref.get("/engine-rest/task?processInstanceId=" + instance)).get(0).get("id").asText());
      });
      table.add(row("intake (POST /api/complaints → handling task) vs start → DMN → user task", intake, decisionTask));

      System.out.println("[progress] a human step: claim + complete");
      Figures redressStep = run(i -> claimAndComplete(red, handler, redressTasks.poll(),
          "{\"variables\": {\"rootCause\": {\"value\": \"STAFF_ERROR\"}, \"resolution\": {\"value\": \"Replaced the vase.\"},"
              + " \"serviceFailureAcknowledged\": {\"value\": true}, \"compensationType\": {\"value\": \"NONE\"}}}",
          "submit-form"));
      Figures referenceStep = run(i -> claimAndComplete(ref, ReferenceApplication.USER, referenceTasks.poll(),
          "{\"variables\": {}}", "complete"));
      table.add(row("human step: claim + complete (Redress: handling form with validation and audit)", redressStep,
          referenceStep));

      System.out.println("[progress] async steps drained");
      JdbcTemplate referenceDb = new JdbcTemplate(new DriverManagerDataSource(postgres.getJdbcUrl("postgres", "reference"),
          "postgres", ""));
      double referenceJobs = drained(referenceDb, "JOB_DEF_TYPE_ = 'async-continuation'", () -> run(i -> {
        HttpResponse<String> started = ref.postJson("/engine-rest/process-definition/key/Reference_Async/start", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
      }));
      double redressJobs = drained(jdbc, "JOB_DEF_TYPE_ = 'async-continuation'", () -> run(i -> {
        HttpResponse<String> created = redress.http().postJson("/api/complaints", Submissions.valid("DAMAGE", "PLATINUM"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      }));
      table.add("| async steps drained per second by the job executor (Redress: a complaint's save points and e-mails;"
          + " reference: a no-op asyncBefore) | %.1f | | %.1f | | %.2f× |".formatted(redressJobs, referenceJobs,
          redressJobs / referenceJobs));
      table.add("| start-up until healthy | %.1f s | | %.1f s | | %.2f× |".formatted(
          redress.startUp().toMillis() / 1000.0, reference.startUp().toMillis() / 1000.0,
          (double) redress.startUp().toMillis() / reference.startUp().toMillis()));
      table.add("| resident memory after the run (-Xmx384m) | %d MiB | | %d MiB | | %.2f× |".formatted(
          redress.residentMib(), reference.residentMib(), (double) redress.residentMib() / reference.residentMib()));
    }
    // where Redress's database time went: the statements that took longest in total
    jdbc.queryForList("SELECT round(s.total_exec_time) AS ms, s.calls, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 140) AS query"
        + " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'postgres'"
        + " ORDER BY s.total_exec_time DESC LIMIT 12").forEach(row -> table.add("| sql: %s ms, %s calls | %s |".formatted(
            row.get("ms"), row.get("calls"), row.get("query"))));
    Files.createDirectories(OUT.getParent());
    Files.writeString(OUT, String.join(System.lineSeparator(), table) + System.lineSeparator(),
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    table.forEach(line -> System.out.println("[measurement] " + line));
  }

  /**
   * Runs {@code load}, then waits until no asynchronous continuation is left; returns the successful
   * ones per second over the whole time, as the job log counts them.
   */
  private static double drained(JdbcTemplate db, String jobKind, Callable<Figures> load) throws Exception {
    Instant start = Instant.now();
    long before = db.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND " + jobKind, Long.class);
    load.call();
    await(() -> db.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'async-continuation'",
        Long.class) == 0 ? Boolean.TRUE : null);
    double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    long after = db.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND " + jobKind, Long.class);
    return (after - before) / seconds;
  }

  private static void claimAndComplete(Http as, String user, String taskId, String variables, String how) {
    HttpResponse<String> claimed = as.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + user + "\"}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    HttpResponse<String> completed = as.postJson("/engine-rest/task/" + taskId + "/" + how, variables);
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
  }

  /** Runs {@code CASES} operations on {@code CLIENTS} threads, timing each. */
  private static Figures run(Operation operation) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    Instant start = Instant.now();
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int i = 0; i < CASES; i++) {
        int n = i;
        done.add(pool.submit((Callable<Void>) () -> {
          long began = System.nanoTime();
          operation.run(n);
          latencies.add((System.nanoTime() - began) / 1e6);
          return null;
        }));
      }
      for (Future<Void> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    List<Double> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    Function<Double, Double> percentile = p -> sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    return new Figures(CASES / seconds, percentile.apply(0.50), percentile.apply(0.95), percentile.apply(0.99));
  }

  private static String row(String scenario, Figures redress, Figures reference) {
    return "| %s | %.1f | %.0f / %.0f / %.0f | %.1f | %.0f / %.0f / %.0f | %.2f× |".formatted(scenario,
        redress.perSecond(), redress.p50(), redress.p95(), redress.p99(), reference.perSecond(), reference.p50(),
        reference.p95(), reference.p99(), redress.perSecond() / reference.perSecond());
  }

  /** Polls with a short pause: the latency of an asynchronous step is what is measured. */
  private static <T> T await(Supplier<T> check) {
    return RedressNode.awaitValue("an asynchronous step", Duration.ofMinutes(1), Duration.ofMillis(10), check);
  }

  private interface Operation {
    void run(int n) throws Exception;
  }
}
