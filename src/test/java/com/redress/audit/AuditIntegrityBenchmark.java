package com.redress.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.support.BenchmarkSize;
import com.redress.support.PostgresApplicationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test: how long the integrity check takes for 10 000 complaints' chains on
 * PostgreSQL. Excluded from `mvn verify`; run with
 * {@code mvn -B verify -Dpostgres.groups=benchmark -Dbenchmark.smoke.skip=true} (see pom.xml) and read
 * target/measurements/audit-integrity-10000.txt.
 */
@Tag("benchmark")
class AuditIntegrityBenchmark extends PostgresApplicationTest {

  static final int COMPLAINTS = BenchmarkSize.of("integrity.complaints", 10_000, 200);
  /**
   * Rows per chain in this load: 51, what a complaint's chain held at its handling task before the
   * business-level record (ADR 0013); a whole life now writes 14. Kept, so figures compare.
   */
  static final int ROWS_PER_COMPLAINT = 51;

  @Autowired AuditWriter writer;
  @Autowired AuditIntegrity integrity;
  @Autowired TransactionTemplate transactions;

  @Test
  void integrityCheckOfTenThousandComplaints() throws IOException {
    long writeStart = System.nanoTime();
    for (int batch = 0; batch < COMPLAINTS / 100; batch++) {
      int first = batch * 100;
      transactions.executeWithoutResult(tx -> {
        List<AuditEvent> events = new ArrayList<>();
        for (int c = first; c < first + 100; c++) {
          for (int r = 0; r < ROWS_PER_COMPLAINT; r++) {
            events.add(new AuditEvent("BENCH-%06d".formatted(c), null, Instant.now(), AuditEvent.Source.DOMAIN,
                "benchmark-event", "bench", null, "Task_" + r, Map.of("row", r, "text", "some details " + r)));
          }
        }
        writer.append(events);
      });
    }
    double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

    long start = System.nanoTime();
    AuditIntegrity.Report report = integrity.verifyAll();
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(report.verified()).isTrue();
    assertThat(report.events()).isGreaterThanOrEqualTo((long) COMPLAINTS * ROWS_PER_COMPLAINT);
    String line = "integrity check on PostgreSQL: %d chains, %d rows in %.2f s (%.0f rows/s); writing them took %.1f s"
        .formatted(report.chains(), report.events(), seconds, report.events() / seconds, writeSeconds);
    Files.createDirectories(BenchmarkSize.measurements());
    Files.writeString(BenchmarkSize.measurements("audit-integrity-10000.txt"), line + System.lineSeparator());
    System.out.println("[measurement] " + line);
  }
}
