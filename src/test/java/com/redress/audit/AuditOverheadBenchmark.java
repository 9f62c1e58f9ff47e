package com.redress.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.support.BenchmarkSize;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.Submissions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: the submission run on PostgreSQL with and without the audit trail's
 * capture of engine history events, in one run of one application (same JVM, same machine state):
 * for the second variant the engine's history goes to its own database handler only. Run with
 * {@code mvn -B verify -Dpostgres.groups=benchmark -Dbenchmark.smoke.skip=true -Dtest=AuditOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * figures in target/measurements/audit-overhead.txt.
 */
@Tag("benchmark")
class AuditOverheadBenchmark extends PostgresApplicationTest {

  static final int COMPLAINTS = BenchmarkSize.of("overhead.complaints", 200, 3);
  static final int WARM_UP = BenchmarkSize.of("overhead.warmup", 50, 1);
  static final Path OUT = BenchmarkSize.measurements("audit-overhead.txt");

  @Test
  void withAndWithoutTheTrailsCaptureOfEngineEvents() throws Exception {
    run("with audit capture");
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    HistoryEventHandler withCapture = configuration.getHistoryEventHandler();
    configuration.setHistoryEventHandler(new DbHistoryEventHandler());
    try {
      run("without audit capture (domain changes only)");
    } finally {
      configuration.setHistoryEventHandler(withCapture);
    }
  }

  private void run(String label) throws Exception {
    // warm-up so both variants are measured with a warm JVM
    drive(WARM_UP);
    long start = System.nanoTime();
    double intake = drive(COMPLAINTS);
    double total = (System.nanoTime() - start) / 1e9;
    String line = "%s: %d submissions (16 threads) %.2f s = %.1f/s; with continuation jobs (4 threads) %.2f s = %.1f complaints/s"
        .formatted(label, COMPLAINTS, intake, COMPLAINTS / intake, total, COMPLAINTS / total);
    Files.createDirectories(OUT.getParent());
    Files.writeString(OUT, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.println("[measurement] " + line);
  }

  /** Submits n complaints over HTTP, then runs their continuation jobs; returns the intake seconds. */
  private double drive(int n) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(16);
    long start = System.nanoTime();
    List<Future<HttpResponse<String>>> posts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      posts.add(clients.submit(() -> http.postJson("/api/complaints", Submissions.valid("DAMAGE", "GOLD"))));
    }
    List<String> references = new ArrayList<>();
    for (Future<HttpResponse<String>> post : posts) {
      HttpResponse<String> response = post.get();
      assertThat(response.statusCode()).isEqualTo(201);
      references.add(Http.json(response).get("reference").asText());
    }
    double intake = (System.nanoTime() - start) / 1e9;
    clients.shutdown();
    ExecutorService jobs = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (String reference : references) {
      done.add(jobs.submit(() -> Jobs.continueAfterRegistration(engine, reference)));
    }
    for (Future<?> f : done) {
      f.get();
    }
    jobs.shutdown();
    return intake;
  }
}
