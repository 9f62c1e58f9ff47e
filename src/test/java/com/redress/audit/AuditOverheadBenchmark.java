package com.redress.audit;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Benchmark, not a test: the 200-submission run on PostgreSQL with and without the audit trail's
 * capture of engine history events, in one Maven run (two Spring contexts, same JVM, same
 * machine state). Run with
 * {@code mvn -B verify -Dpostgres.groups=benchmark -Dtest='AuditOverheadBenchmark*' -Dsurefire.failIfNoSpecifiedTests=false};
 * figures in target/measurements/audit-overhead.txt.
 */
@Tag("benchmark")
class AuditOverheadBenchmark {

  static final int COMPLAINTS = 200;
  static final Path OUT = Path.of("target", "measurements", "audit-overhead.txt");

  static void run(Http http, org.camunda.bpm.engine.ProcessEngine engine, String label) throws Exception {
    // warm-up so both variants are measured with a warm JVM
    drive(http, engine, 50);
    long start = System.nanoTime();
    double intake = drive(http, engine, COMPLAINTS);
    double total = (System.nanoTime() - start) / 1e9;
    String line = "%s: %d submissions (16 threads) %.2f s = %.1f/s; with continuation jobs (4 threads) %.2f s = %.1f complaints/s"
        .formatted(label, COMPLAINTS, intake, COMPLAINTS / intake, total, COMPLAINTS / total);
    Files.createDirectories(OUT.getParent());
    Files.writeString(OUT, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.println("[measurement] " + line);
  }

  /** Submits n complaints over HTTP, then runs their continuation jobs; returns the intake seconds. */
  private static double drive(Http http, org.camunda.bpm.engine.ProcessEngine engine, int n) throws Exception {
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

  @Nested
  class WithAuditCapture extends PostgresApplicationTest {

    @Test
    void measure() throws Exception {
      run(http, engine, "with audit capture");
    }
  }

  @Nested
  @Import(WithoutAuditCapture.DropHistoryCapture.class)
  class WithoutAuditCapture extends PostgresApplicationTest {

    /** Removes the history event handler's bean: the engine then keeps only its own history. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DropHistoryCapture {

      @Bean
      static BeanDefinitionRegistryPostProcessor dropAuditHistoryEventHandler() {
        return registry -> registry.removeBeanDefinition("auditHistoryEventHandler");
      }
    }

    @Test
    void measure() throws Exception {
      assertThat(engine.getProcessEngineConfiguration()).isNotNull();
      run(http, engine, "without audit capture (domain changes only)");
    }
  }
}
