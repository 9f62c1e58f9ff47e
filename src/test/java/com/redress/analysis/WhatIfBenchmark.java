package com.redress.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.identity.Groups;
import com.redress.support.BenchmarkSize;
import com.redress.support.Http;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.TestUsers;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: a changed ComplaintClassification and a changed CompensationPolicy each
 * replayed on 10 000 closed complaints (5 000 with a compensation) on embedded PostgreSQL 15,
 * from the upload to the finished report. Run with
 * {@code mvn -B verify -Dpostgres.groups=benchmark -Dbenchmark.smoke.skip=true -Dtest=WhatIfBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * figures in target/measurements/what-if.txt.
 */
@Tag("benchmark")
class WhatIfBenchmark extends PostgresApplicationTest {

  static final int COMPLAINTS = BenchmarkSize.of("whatif.complaints", 10_000, 50);
  static final Path OUT = BenchmarkSize.measurements("what-if.txt");
  private static final String BOUNDARY = "----RedressWhatIfBenchmark";
  private static final String[] CATEGORIES = {"DELAY", "BILLING", "DAMAGE", "SERVICE_QUALITY", "STAFF_BEHAVIOUR", "SAFETY"};
  private static final String[] TIERS = {"STANDARD", "SILVER", "GOLD", "PLATINUM"};
  private static final String[] TYPES = {"VOUCHER", "REFUND", "DISCOUNT", "FREE_SERVICE"};

  @Autowired JdbcTemplate jdbc;

  @Test
  void replayTenThousandComplaints() throws Exception {
    writePeriod();
    Http analyst = http.as(TestUsers.ensure(engine.getIdentityService(), "bench-analyst", Groups.PROCESS_ANALYSTS),
        TestUsers.PASSWORD);
    String classification = Files.readString(Path.of("processes/ComplaintClassification.dmn")).replace("&gt;= 3", "&gt;= 5");
    String policy = Files.readString(Path.of("processes/CompensationPolicy.dmn"))
        .replaceFirst("<text>&lt;= 200</text>", Matcher.quoteReplacement("<text>&lt;= 500</text>"));

    // the first replay also pays for loading and compiling the FEEL engine's code
    String line = COMPLAINTS + " closed complaints: first " + replay(analyst, classification) + "; again "
        + replay(analyst, classification) + "; " + replay(analyst, policy);
    Files.createDirectories(OUT.getParent());
    Files.writeString(OUT, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.println("[measurement] " + line);
  }

  private String replay(Http analyst, String dmn) {
    String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"decision\"; filename=\"changed.dmn\"\r\n\r\n"
        + dmn + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\n2019-03-01\r\n--"
        + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\n2019-03-31\r\n--" + BOUNDARY + "--\r\n";
    long start = System.nanoTime();
    String location = analyst.post("/api/analysis/what-if", "multipart/form-data; boundary=" + BOUNDARY, body)
        .headers().firstValue("Location").orElseThrow();
    JsonNode run = Http.json(analyst.get(location + "?wait=30"));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(run.get("status").asText()).isEqualTo("DONE");
    JsonNode report = run.get("report");
    assertThat(report.get("failed").asInt()).isZero();
    return "%s %d cases, %d changed, in %.2f s".formatted(report.get("decision").asText(), report.get("cases").asInt(),
        report.get("changed").asInt(), seconds);
  }

  /** 10 000 closed complaints of March 2019 with their rule inputs; every second one with an issued compensation. */
  private void writePeriod() {
    List<Object[]> complaints = new ArrayList<>();
    List<Object[]> kpis = new ArrayList<>();
    List<Object[]> compensations = new ArrayList<>();
    List<Object[]> issues = new ArrayList<>();
    OffsetDateTime base = OffsetDateTime.of(2019, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    for (int i = 0; i < COMPLAINTS; i++) {
      String reference = "CMP-2019-" + String.format("%06d", i);
      OffsetDateTime closed = base.plusMinutes(i * 4L);
      String category = CATEGORIES[i % CATEGORIES.length];
      String tier = TIERS[i % TIERS.length];
      complaints.add(new Object[] {reference, tier, category, BigDecimal.valueOf(50L * (i % 200)), i % 7,
          i % 3 == 0 ? "MEDIUM" : "LOW", closed.minusDays(1), closed});
      kpis.add(new Object[] {reference, closed, closed.minusDays(1), category});
      if (i % 2 == 0) {
        String id = reference + "/0";
        BigDecimal amount = BigDecimal.valueOf(20L + (i % 60) * 10L).setScale(2);
        compensations.add(new Object[] {id, reference, TYPES[i % TYPES.length], amount, closed.minusHours(5),
            amount.compareTo(BigDecimal.valueOf(200)) <= 0 ? 0 : 1, amount.compareTo(BigDecimal.valueOf(200)) <= 0
                ? "HANDLER" : "SUPERVISOR", amount.compareTo(BigDecimal.valueOf(200)) <= 0 ? "" : "supervisors",
            amount, closed.minusHours(5), BigDecimal.valueOf(i % 4 * 100L).setScale(2)});
        issues.add(new Object[] {id, "BENCH-" + i, amount, closed.minusHours(4)});
      }
    }
    jdbc.batchUpdate("""
        INSERT INTO complaint (reference, status, customer_id, customer_name, customer_tier, channel, category, subject,
          description, order_amount, order_currency, complaints_last_90_days, severity, handler_group, classified_by,
          first_response_sla_hours, resolution_sla_hours, received_at, updated_at, reopen_count, unresolved)
        VALUES (?, 'CLOSED', 'C-BENCH', 'Bench', ?, 'WEB', ?, 'Late', 'Late parcel', ?, 'CNY', ?, ?, 'team-logistics',
          'ComplaintClassification', 8, 40, ?, ?, 0, FALSE)""", complaints);
    jdbc.batchUpdate("""
        INSERT INTO complaint_kpi (complaint_reference, closed_at, received_at, category, severity, handler_group,
          first_response_business_secs, first_response_calendar_secs, first_response_sla_met, resolution_business_secs,
          resolution_calendar_secs, resolution_sla_met, csat, reopen_count, escalated, unresolved, handlers,
          quality_score, innovative)
        VALUES (?, ?, ?, ?, 'LOW', 'team-logistics', 600, 600, TRUE, 3600, 3600, TRUE, 4, 0, FALSE, FALSE, '', 4, FALSE)""",
        kpis);
    jdbc.batchUpdate("""
        INSERT INTO compensation (id, complaint_reference, round, compensation_type, amount, currency, reason,
          proposed_by, proposed_at, team, budget_month, band, band_name, approver_groups, over_budget,
          current_amount, status, updated_at, granted_last_90_days)
        VALUES (?, ?, 0, ?, ?, 'CNY', 'bench', 'bench', ?, 'team-logistics', '2019-03', ?, ?, ?, FALSE, ?, 'ISSUED', ?, ?)""",
        compensations);
    jdbc.batchUpdate("""
        INSERT INTO compensation_issue (compensation_id, kind, code, amount, currency, issued_at)
        VALUES (?, 'VOUCHER', ?, ?, 'CNY', ?)""", issues);
  }
}
