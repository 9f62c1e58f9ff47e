package com.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.identity.Groups;
import com.redress.support.BenchmarkSize;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.PublicApiLifecycle;
import com.redress.support.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: complaints driven from submission to closing through the public APIs on
 * embedded PostgreSQL 15 (submit, claim, complete, survey, claim, review; 8 HTTP calls and their
 * jobs each), several complaints at a time, counting the SQL statements the server ran
 * (pg_stat_statements). Run with
 * {@code mvn -B verify -Dpostgres.groups=benchmark -Dbenchmark.smoke.skip=true -Dtest=ComplaintLifecycleBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * figures in target/measurements/lifecycle-postgresql.txt.
 */
@Tag("benchmark")
class ComplaintLifecycleBenchmark extends PostgresApplicationTest {

  static final int WARM_UP = BenchmarkSize.of("lifecycle.warmup", 40, 1);
  static final int COMPLAINTS = BenchmarkSize.of("lifecycle.complaints", 200, 2);
  static final int THREADS = 4;
  static final Path OUT = BenchmarkSize.measurements("lifecycle-postgresql.txt");

  @Autowired JdbcTemplate jdbc;

  @Test
  void fullLifecycleThroughThePublicApis() throws Exception {
    jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    String handler = TestUsers.ensure(engine.getIdentityService(), "bench-handler", Groups.TEAM_LOGISTICS);
    String reviewer = TestUsers.ensure(engine.getIdentityService(), "bench-reviewer", Groups.QUALITY_REVIEWERS);
    PublicApiLifecycle lifecycle = new PublicApiLifecycle(http, engine);
    // other benchmarks may have run on this database before (the smoke run): count what this one adds
    long closedBefore = jdbc.queryForObject("SELECT COUNT(*) FROM complaint_kpi", Long.class);
    drive(lifecycle, handler, reviewer, WARM_UP);
    long auditRowsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);

    jdbc.execute("SELECT pg_stat_statements_reset()");
    long start = System.nanoTime();
    drive(lifecycle, handler, reviewer, COMPLAINTS);
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Long> byVerb = jdbc.queryForList("""
        SELECT split_part(upper(regexp_replace(ltrim(query), '\\s+', ' ', 'g')), ' ', 1) AS verb, SUM(calls) AS calls FROM pg_stat_statements
        WHERE query NOT ILIKE '%pg_stat_statements%' GROUP BY 1 ORDER BY 2 DESC""").stream()
        .collect(Collectors.toMap(r -> (String) r.get("verb"), r -> ((Number) r.get("calls")).longValue(),
            (a, b) -> a, java.util.LinkedHashMap::new));
    long statements = byVerb.values().stream().mapToLong(Long::longValue).sum();
    // where they go: the most frequent statements per complaint
    jdbc.queryForList("""
        SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query FROM pg_stat_statements
        WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY calls DESC LIMIT 40""")
        .forEach(r -> System.out.printf("[statements] %5.1f  %s%n", ((Number) r.get("calls")).doubleValue() / COMPLAINTS,
            r.get("query")));
    long closed = jdbc.queryForObject("SELECT COUNT(*) FROM complaint_kpi", Long.class) - closedBefore;
    assertThat(closed).isEqualTo(WARM_UP + COMPLAINTS);
    long auditRows = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class) - auditRowsBefore;

    String line = ("%d complaints submitted to closed, %d at a time: %.2f s = %.1f complaints/s; "
        + "%d SQL statements = %.0f per complaint (%s); %d audit rows per complaint").formatted(COMPLAINTS, THREADS,
        seconds, COMPLAINTS / seconds,
        statements, (double) statements / COMPLAINTS, byVerb.entrySet().stream()
            .map(e -> e.getKey() + " " + Math.round((double) e.getValue() / COMPLAINTS)).collect(Collectors.joining(", ")),
        auditRows / COMPLAINTS);
    Files.createDirectories(OUT.getParent());
    Files.writeString(OUT, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.println("[measurement] " + line);
  }

  private static void drive(PublicApiLifecycle lifecycle, String handler, String reviewer, int n) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> lives = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lives.add(clients.submit(() -> lifecycle.live(handler, reviewer)));
    }
    for (Future<?> life : lives) {
      life.get();
    }
    clients.shutdown();
  }
}
