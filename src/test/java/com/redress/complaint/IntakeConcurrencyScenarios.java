package com.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.audit.AuditIntegrity;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.Submissions;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Concurrent intake, run against every database the application supports. */
interface IntakeConcurrencyScenarios {

  Http http();

  ProcessEngine engine();

  String databaseName();

  <T> T bean(Class<T> type);

  @Test
  default void twentyConcurrentSubmissionsWithOneIdempotencyKeyCreateOneComplaint() throws Exception {
    String key = "retry-" + UUID.randomUUID();
    String body = Submissions.valid("DELAY", "SILVER");
    List<HttpResponse<String>> responses = concurrently(20, 20,
        i -> http().postJson("/api/complaints", body, "Idempotency-Key", key));

    Set<String> references = new HashSet<>();
    for (HttpResponse<String> response : responses) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      references.add(Http.json(response).get("reference").asText());
      assertThat(Http.json(response).get("accessToken").asText()).hasSizeGreaterThanOrEqualTo(22);
    }
    assertThat(references).hasSize(1);
    assertThat(responses.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").orElse("").equals("false")))
        .as("exactly one request created it; the others were replays").hasSize(1);
    assertThat(engine().getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(references.iterator().next()).count()).isEqualTo(1);
  }

  @Test
  default void twoHundredConcurrentSubmissionsGetTwoHundredDistinctReferences() throws Exception {
    long before = engine().getHistoryService().createHistoricProcessInstanceQuery().count();
    long start = System.nanoTime();
    List<HttpResponse<String>> responses = concurrently(200, 16,
        i -> http().postJson("/api/complaints", Submissions.valid("SERVICE_QUALITY", "STANDARD")));
    double seconds = (System.nanoTime() - start) / 1e9;

    Set<String> references = new HashSet<>();
    for (HttpResponse<String> response : responses) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      references.add(Http.json(response).get("reference").asText());
    }
    assertThat(references).hasSize(200).allMatch(r -> r.matches("CMP-\\d{4}-\\d{6}"));
    assertThat(engine().getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(before + 200);
    // then the save point after registration (classification, acknowledgement, handling task), 4 at a time
    List<String> ordered = List.copyOf(references);
    long classifyStart = System.nanoTime();
    concurrently(ordered.size(), 4, i -> {
      Jobs.continueAfterRegistration(engine(), ordered.get(i));
      return null;
    });
    double classifySeconds = (System.nanoTime() - classifyStart) / 1e9;
    assertThat(engine().getTaskService().createTaskQuery().processInstanceBusinessKeyIn(references.toArray(String[]::new))
        .count()).isEqualTo(200);

    // the audit trail of all 200: every chain verifies, and every rule decision is in it
    long integrityStart = System.nanoTime();
    AuditIntegrity.Report report = bean(AuditIntegrity.class).verifyAll();
    double integritySeconds = (System.nanoTime() - integrityStart) / 1e9;
    assertThat(report.verified()).as(String.valueOf(report.firstBrokenLink())).isTrue();
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    String in = references.stream().map(r -> "'" + r + "'").collect(Collectors.joining(","));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE (event_type LIKE 'activity-%'"
        + " OR event_type LIKE 'variable-%') AND chain_key IN (" + in + ")", Long.class))
        .as("business events only: the engine's own rows stay in its history").isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE event_type = 'rule-decision' AND chain_key IN ("
        + in + ")", Long.class)).isEqualTo(200);
    long auditRows = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key IN (" + in + ")", Long.class);
    record("intake-200-" + databaseName(), """
        200 concurrent POST /api/complaints (16 client threads) on %s: %.2f s, %.1f complaints/s
        then their 200 continuation jobs (classify, acknowledge, create handling task), 4 threads: %.2f s, %.1f jobs/s
        audit rows per complaint so far: %.1f; integrity check of all %d chains (%d rows): %.2f s"""
        .formatted(databaseName(), seconds, 200 / seconds, classifySeconds, 200 / classifySeconds,
            auditRows / 200.0, report.chains(), report.events(), integritySeconds));
  }

  private static <T> List<T> concurrently(int calls, int threads, java.util.function.IntFunction<T> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        int n = i;
        Callable<T> task = () -> {
          start.await();
          return call.apply(n);
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Measurements go to target/measurements for docs/performance.md, not into assertions. */
  private static void record(String name, String line) throws IOException {
    Path dir = Path.of("target", "measurements");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name + ".txt"), line + System.lineSeparator());
    System.out.println("[measurement] " + line);
  }
}
