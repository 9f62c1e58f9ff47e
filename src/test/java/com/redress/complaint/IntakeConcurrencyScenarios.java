package com.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

/** Concurrent intake, run against every database the application supports. */
interface IntakeConcurrencyScenarios {

  Http http();

  ProcessEngine engine();

  String databaseName();

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
    // then the save point after registration: classification, acknowledgement, handling task (one thread)
    long classifyStart = System.nanoTime();
    for (String reference : references) {
      Jobs.continueAfterRegistration(engine(), reference);
    }
    double classifySeconds = (System.nanoTime() - classifyStart) / 1e9;
    assertThat(engine().getTaskService().createTaskQuery().processInstanceBusinessKeyIn(references.toArray(String[]::new))
        .count()).isEqualTo(200);
    record("intake-200-" + databaseName(), """
        200 concurrent POST /api/complaints (16 client threads) on %s: %.2f s, %.1f complaints/s
        then their 200 continuation jobs (classify, acknowledge, create handling task), one thread: %.2f s, %.1f jobs/s"""
        .formatted(databaseName(), seconds, 200 / seconds, classifySeconds, 200 / classifySeconds));
  }

  private static List<HttpResponse<String>> concurrently(int requests, int threads,
      java.util.function.IntFunction<HttpResponse<String>> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        int n = i;
        Callable<HttpResponse<String>> task = () -> {
          start.await();
          return call.apply(n);
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        responses.add(future.get());
      }
      return responses;
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
