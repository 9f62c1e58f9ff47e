package com.redress.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Closed complaints of a past month written straight into the tables award scoring reads (the
 * complaint, its handlers, its KPI record), so every figure of a test period is known.
 */
public final class HandBuiltPeriod {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(900_000);

  private HandBuiltPeriod() {
  }

  /** A complaint closed mid-month in {@code period}, handled by {@code handlers}, with its KPI figures. */
  public static void closed(JdbcTemplate jdbc, String period, List<String> handlers, boolean slaMet, int qa,
      Integer csat, boolean innovative) {
    closed(jdbc, YearMonth.parse(period).atDay(15), handlers, "team-logistics", "WEB", 600, 3600, slaMet, qa, csat,
        0, false, innovative);
  }

  /** A complaint closed at noon of {@code day} with every figure of its KPI record given. */
  public static String closed(JdbcTemplate jdbc, LocalDate day, List<String> handlers, String team, String channel,
      long firstResponseSecs, long resolutionSecs, boolean slaMet, int qa, Integer csat, int reopenCount,
      boolean escalated, boolean innovative) {
    String reference = "CMP-2099-" + SEQUENCE.incrementAndGet();
    OffsetDateTime closedAt = day.atTime(12, 0).atOffset(ZoneOffset.ofHours(8));
    jdbc.update("""
        INSERT INTO complaint (reference, status, customer_id, customer_name, customer_tier, channel, category, subject,
          description, received_at, updated_at, reopen_count, unresolved)
        VALUES (?, 'CLOSED', 'C-AWARD', 'Award Test', 'STANDARD', ?, 'DELAY', 'Late', 'Late parcel', ?, ?, ?, FALSE)""",
        reference, channel, closedAt.minusDays(2), closedAt, reopenCount);
    for (String handler : handlers) {
      jdbc.update("INSERT INTO complaint_handler (complaint_reference, user_id, first_at) VALUES (?, ?, ?)", reference,
          handler, closedAt.minusDays(1));
    }
    jdbc.update("""
        INSERT INTO complaint_kpi (complaint_reference, closed_at, received_at, category, severity, handler_group,
          first_response_business_secs, first_response_calendar_secs, first_response_sla_met, resolution_business_secs,
          resolution_calendar_secs, resolution_sla_met, csat, reopen_count, escalated, unresolved, handlers,
          quality_score, innovative)
        VALUES (?, ?, ?, 'DELAY', 'LOW', ?, ?, ?, TRUE, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)""",
        reference, closedAt, closedAt.minusDays(2), team, firstResponseSecs, firstResponseSecs, resolutionSecs,
        resolutionSecs, slaMet, csat, reopenCount, escalated, String.join(",", handlers), qa, innovative);
    return reference;
  }

  /** A closed complaint with the classification rules' inputs and outcome as stored at the time. */
  public static String classified(JdbcTemplate jdbc, LocalDate closed, String category, String tier, Integer last90,
      String severity, String team, int firstResponseHours, int resolutionHours, String classifiedBy) {
    String reference = closed(jdbc, closed, List.of(), team, "WEB", 600, 3600, true, 4, 5, 0, false, false);
    jdbc.update("""
        UPDATE complaint SET category = ?, customer_tier = ?, order_amount = 100, order_currency = 'CNY',
          complaints_last_90_days = ?, severity = ?, handler_group = ?, first_response_sla_hours = ?,
          resolution_sla_hours = ?, classified_by = ? WHERE reference = ?""",
        category, tier, last90, severity, team, firstResponseHours, resolutionHours, classifiedBy, reference);
    return reference;
  }
}
