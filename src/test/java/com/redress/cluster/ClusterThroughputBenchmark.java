package com.redress.cluster;

import com.redress.identity.Groups;
import com.redress.support.BenchmarkSize;
import com.redress.support.ClusterWorkload;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.RedressNode;
import com.redress.support.TestUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark, not a test: complaints through their whole life per second with one node, then with
 * two on the same PostgreSQL, in one run. Run with
 * {@code mvn -B verify -Dpostgres.groups=benchmark -Dbenchmark.smoke.skip=true -Dtest=ClusterThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * figures in target/measurements/cluster.txt.
 */
@Tag("benchmark")
class ClusterThroughputBenchmark extends PostgresApplicationTest {

  static final int COMPLAINTS = BenchmarkSize.of("cluster.complaints", 300, 4);
  static final int CLIENTS = BenchmarkSize.of("cluster.clients", 8, 2);
  static final Path OUT = BenchmarkSize.measurements("cluster.txt");

  @Autowired EmbeddedPostgres postgres;

  @Test
  void oneNodeThenTwo() throws Exception {
    String handler = TestUsers.ensure(engine.getIdentityService(), "bench-handler", Groups.TEAM_LOGISTICS);
    String reviewer = TestUsers.ensure(engine.getIdentityService(), "bench-reviewer", Groups.QUALITY_REVIEWERS);
    String url = postgres.getJdbcUrl("postgres", "postgres");
    int smtp = SMTP.getSmtp().getPort();
    try (RedressNode a = RedressNode.start("bench-a", url, "postgres", smtp, RedressNode.hostname("bench-a"))) {
      double one = rate(new ClusterWorkload(List.of(a), handler, reviewer));
      try (RedressNode b = RedressNode.start("bench-b", url, "postgres", smtp, RedressNode.hostname("bench-b"))) {
        double two = rate(new ClusterWorkload(List.of(a, b), handler, reviewer));
        String line = "%d complaints, %d clients: one node %.1f/s, two nodes %.1f/s (%.2fx)".formatted(COMPLAINTS,
            CLIENTS, one, two, two / one);
        Files.createDirectories(OUT.getParent());
        Files.writeString(OUT, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("[measurement] " + line);
      }
    }
  }

  private static double rate(ClusterWorkload workload) throws Exception {
    Instant start = Instant.now();
    workload.run(COMPLAINTS, CLIENTS);
    return COMPLAINTS / (Duration.between(start, Instant.now()).toMillis() / 1000.0);
  }
}
