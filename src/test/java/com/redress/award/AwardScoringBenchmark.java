package com.redress.award;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.identity.Groups;
import com.redress.support.BenchmarkSize;
import com.redress.support.Http;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: scoring a period of 10 000 closed complaints (200 handlers, one in ten
 * complaints shared by two) on embedded PostgreSQL 15, from the run's request to its stored scores.
 * Run with
 * {@code mvn -B verify -Dpostgres.groups=benchmark -Dbenchmark.smoke.skip=true -Dtest=AwardScoringBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * figures in target/measurements/award-scoring.txt.
 */
@Tag("benchmark")
class AwardScoringBenchmark extends PostgresApplicationTest {

  static final int COMPLAINTS = BenchmarkSize.of("awards.complaints", 10_000, 40);
  static final int HANDLERS = BenchmarkSize.of("awards.handlers", 200, 4);
  static final String PERIOD = "2018-06";
  static final Path OUT = BenchmarkSize.measurements("award-scoring.txt");

  @Autowired JdbcTemplate jdbc;

  @Test
  void scoreTenThousandComplaints() throws Exception {
    writePeriod();
    Http committee = http.as(TestUsers.ensure(engine.getIdentityService(), "bench-committee", Groups.AWARD_COMMITTEE),
        TestUsers.PASSWORD);

    long start = System.nanoTime();
    String id = Http.json(committee.postJson("/api/award-runs", "{\"period\": \"" + PERIOD + "\"}")).get("id").asText();
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(EmployeeAwardProcess.KEY)
        .singleResult().getId();
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instance).activityId(EmployeeAwardProcess.TASK_SCORE).singleResult().getId());
    double scoring = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    var run = Http.json(committee.get("/api/award-runs/" + id));
    double reading = (System.nanoTime() - start) / 1e9;

    assertThat(run.get("complaintsCounted").asInt()).isEqualTo(COMPLAINTS);
    assertThat(run.get("scores")).hasSize(HANDLERS);
    String line = ("%d complaints, %d handlers, %d counted rows: requested and scored in %.2f s; "
        + "GET of the run with every breakdown %.2f s").formatted(COMPLAINTS, HANDLERS,
        jdbc.queryForObject("SELECT COUNT(*) FROM award_score_complaint WHERE run_id = ?", Integer.class, id),
        scoring, reading);
    Files.createDirectories(OUT.getParent());
    Files.writeString(OUT, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.println("[measurement] " + line);
  }

  /** 10 000 closed complaints of the period with their handlers and KPI records, written in batches. */
  private void writePeriod() {
    List<Object[]> complaints = new ArrayList<>();
    List<Object[]> handlers = new ArrayList<>();
    List<Object[]> kpis = new ArrayList<>();
    OffsetDateTime base = OffsetDateTime.of(2018, 6, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    for (int i = 0; i < COMPLAINTS; i++) {
      String reference = "CMP-2018-" + String.format("%06d", i);
      OffsetDateTime closed = base.plusMinutes(i * 4L);
      complaints.add(new Object[] {reference, closed.minusDays(1), closed});
      String handler = "bench-handler-" + (i % HANDLERS);
      handlers.add(new Object[] {reference, handler, closed.minusHours(20)});
      if (i % 10 == 0) {
        handlers.add(new Object[] {reference, "bench-handler-" + ((i + 7) % HANDLERS), closed.minusHours(10)});
      }
      kpis.add(new Object[] {reference, closed, closed.minusDays(1), i % 5 != 0, i % 3 == 0 ? null : 1 + i % 5,
          1 + i % 5, i % 17 == 0, handler});
    }
    jdbc.batchUpdate("""
        INSERT INTO complaint (reference, status, customer_id, customer_name, customer_tier, channel, category, subject,
          description, received_at, updated_at, reopen_count, unresolved)
        VALUES (?, 'CLOSED', 'C-BENCH', 'Bench', 'STANDARD', 'WEB', 'DELAY', 'Late', 'Late parcel', ?, ?, 0, FALSE)""",
        complaints);
    jdbc.batchUpdate("INSERT INTO complaint_handler (complaint_reference, user_id, first_at) VALUES (?, ?, ?)", handlers);
    jdbc.batchUpdate("""
        INSERT INTO complaint_kpi (complaint_reference, closed_at, received_at, category, severity, handler_group,
          first_response_business_secs, first_response_calendar_secs, first_response_sla_met, resolution_business_secs,
          resolution_calendar_secs, resolution_sla_met, csat, reopen_count, escalated, unresolved, handlers,
          quality_score, innovative)
        VALUES (?, ?, ?, 'DELAY', 'LOW', 'team-logistics', 600, 600, TRUE, 3600, 3600, ?, ?, 0, FALSE, FALSE, ?, ?, ?)""",
        kpis.stream().map(k -> new Object[] {k[0], k[1], k[2], k[3], k[4], k[7], k[5], k[6]}).toList());
  }
}
