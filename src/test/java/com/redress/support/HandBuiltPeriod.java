package com.redress.support;

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
    String reference = "CMP-2099-" + SEQUENCE.incrementAndGet();
    OffsetDateTime closedAt = YearMonth.parse(period).atDay(15).atTime(12, 0).atOffset(ZoneOffset.ofHours(8));
    jdbc.update("""
        INSERT INTO complaint (reference, status, customer_id, customer_name, customer_tier, channel, category, subject,
          description, received_at, updated_at, reopen_count, unresolved)
        VALUES (?, 'CLOSED', 'C-AWARD', 'Award Test', 'STANDARD', 'WEB', 'DELAY', 'Late', 'Late parcel', ?, ?, 0, FALSE)""",
        reference, closedAt.minusDays(2), closedAt);
    for (String handler : handlers) {
      jdbc.update("INSERT INTO complaint_handler (complaint_reference, user_id, first_at) VALUES (?, ?, ?)", reference,
          handler, closedAt.minusDays(1));
    }
    jdbc.update("""
        INSERT INTO complaint_kpi (complaint_reference, closed_at, received_at, category, severity, handler_group,
          first_response_business_secs, first_response_calendar_secs, first_response_sla_met, resolution_business_secs,
          resolution_calendar_secs, resolution_sla_met, csat, reopen_count, escalated, unresolved, handlers,
          quality_score, innovative)
        VALUES (?, ?, ?, 'DELAY', 'LOW', 'team-logistics', 600, 600, TRUE, 3600, 3600, ?, ?, 0, FALSE, FALSE, ?, ?, ?)""",
        reference, closedAt, closedAt.minusDays(2), slaMet, csat, String.join(",", handlers), qa, innovative);
  }
}
