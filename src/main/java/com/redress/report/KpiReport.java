package com.redress.report;

import com.redress.shared.AppClock;
import com.redress.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The managers' KPIs for a period ({@code /api/reports/kpis}, docs/api.md), from the KPI records of the
 * complaints closed in it: volumes, first-response and resolution times in business hours (median
 * and 90th percentile, nearest rank), SLA breach rate, CSAT and its trend against the period before,
 * reopen rate, first-contact resolution, compensation and award spend. Totals and the same figures
 * per team, category and channel.
 */
@Component
class KpiReport {

  /** One closed complaint's figures. */
  /** {@code resolutionSecs} leaves out {@code waitingSecs}, the business time waiting for the customer's answers. */
  record Closed(String team, String category, String channel, long firstResponseSecs, long resolutionSecs,
      long waitingSecs, boolean resolutionSlaMet, Integer csat, int reopenCount, boolean escalated,
      boolean unresolved) {
  }

  /** {@code customerWaitingHours}: business hours the closed complaints waited for their customers, in all. */
  record Figures(long closed, BigDecimal firstResponseMedianHours, BigDecimal firstResponseP90Hours,
      BigDecimal resolutionMedianHours, BigDecimal resolutionP90Hours, BigDecimal customerWaitingHours,
      BigDecimal slaBreachRate, BigDecimal csat, long surveysAnswered, BigDecimal reopenRate,
      BigDecimal firstContactResolutionRate) {
  }

  record Report(LocalDate from, LocalDate to, long received, Figures total, BigDecimal csatPreviousPeriod,
      BigDecimal csatTrend, Map<String, Figures> byTeam, Map<String, Figures> byCategory,
      Map<String, Figures> byChannel, Money compensationSpent, Map<String, Money> compensationSpentByType,
      Money compensationBudget, Money awardSpend) {
  }

  private final JdbcClient jdbc;
  private final AppClock clock;
  private final String compensationCurrency;
  private final String awardCurrency;

  KpiReport(JdbcClient jdbc, AppClock clock, @Value("${redress.compensation.currency:CNY}") String compensationCurrency,
      @Value("${redress.awards.currency:CNY}") String awardCurrency) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.compensationCurrency = compensationCurrency;
    this.awardCurrency = awardCurrency;
  }

  /** The report of each of the {@code months} calendar months up to and including {@code last}, oldest first. */
  List<Report> monthly(YearMonth last, int months) {
    List<Report> reports = new ArrayList<>();
    for (int i = months - 1; i >= 0; i--) {
      YearMonth month = last.minusMonths(i);
      reports.add(between(month.atDay(1), month.atEndOfMonth()));
    }
    return reports;
  }

  /** {@code from} and {@code to} are days in the business time zone, both included. */
  Report between(LocalDate from, LocalDate to) {
    OffsetDateTime start = from.atStartOfDay(clock.businessZone()).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(clock.businessZone()).toOffsetDateTime();
    List<Closed> closed = closedBetween(start, end);
    long days = Duration.between(start, end).toDays();
    List<Closed> before = closedBetween(start.minusDays(days), start);
    BigDecimal csat = figures(closed).csat();
    BigDecimal previous = figures(before).csat();
    long received = jdbc.sql("""
        SELECT COUNT(*) FROM complaint WHERE received_at >= :start AND received_at < :end AND status <> 'DUPLICATE'""")
        .param("start", start).param("end", end).query(Long.class).single();
    String firstMonth = from.toString().substring(0, 7);
    String lastMonth = to.toString().substring(0, 7);
    BigDecimal spent = jdbc.sql("""
        SELECT COALESCE(SUM(current_amount), 0) FROM compensation WHERE status = 'ISSUED'
          AND budget_month BETWEEN :first AND :last""")
        .param("first", firstMonth).param("last", lastMonth).query(BigDecimal.class).single();
    Map<String, Money> spentByType = new LinkedHashMap<>();
    jdbc.sql("""
        SELECT compensation_type, SUM(current_amount) AS spent FROM compensation WHERE status = 'ISSUED'
          AND budget_month BETWEEN :first AND :last GROUP BY compensation_type ORDER BY compensation_type""")
        .param("first", firstMonth).param("last", lastMonth)
        .query((rs, row) -> spentByType.put(rs.getString("compensation_type"),
            new Money(rs.getBigDecimal("spent"), compensationCurrency)))
        .list();
    BigDecimal budget = jdbc.sql("""
        SELECT COALESCE(SUM(amount), 0) FROM compensation_budget WHERE budget_month BETWEEN :first AND :last""")
        .param("first", firstMonth).param("last", lastMonth).query(BigDecimal.class).single();
    BigDecimal awards = jdbc.sql("""
        SELECT COALESCE(SUM(i.cash), 0) FROM award_item i JOIN award_run r ON r.id = i.run_id
        WHERE i.status = 'APPROVED' AND r.period BETWEEN :first AND :last""")
        .param("first", firstMonth).param("last", lastMonth).query(BigDecimal.class).single();
    return new Report(from, to, received, figures(closed), previous,
        csat == null || previous == null ? null : csat.subtract(previous),
        grouped(closed, Closed::team), grouped(closed, Closed::category), grouped(closed, Closed::channel),
        new Money(spent, compensationCurrency), spentByType, new Money(budget, compensationCurrency),
        new Money(awards, awardCurrency));
  }

  private List<Closed> closedBetween(OffsetDateTime start, OffsetDateTime end) {
    return jdbc.sql("""
        SELECT k.handler_group, k.category, c.channel, k.first_response_business_secs, k.resolution_business_secs,
          k.waiting_business_secs, k.resolution_sla_met, k.csat, k.reopen_count, k.escalated, k.unresolved
        FROM complaint_kpi k JOIN complaint c ON c.reference = k.complaint_reference
        WHERE k.closed_at >= :start AND k.closed_at < :end""")
        .param("start", start).param("end", end)
        .query((rs, row) -> new Closed(rs.getString("handler_group"), rs.getString("category"),
            rs.getString("channel"), rs.getLong("first_response_business_secs"), rs.getLong("resolution_business_secs"),
            rs.getLong("waiting_business_secs"), rs.getBoolean("resolution_sla_met"), rs.getObject("csat", Integer.class), rs.getInt("reopen_count"),
            rs.getBoolean("escalated"), rs.getBoolean("unresolved")))
        .list();
  }

  private static Map<String, Figures> grouped(List<Closed> closed, Function<Closed, String> key) {
    Map<String, List<Closed>> groups = closed.stream()
        .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    Map<String, Figures> figures = new LinkedHashMap<>();
    groups.keySet().stream().sorted().forEach(k -> figures.put(k, figures(groups.get(k))));
    return figures;
  }

  static Figures figures(List<Closed> closed) {
    List<Integer> answers = closed.stream().map(Closed::csat).filter(c -> c != null).toList();
    return new Figures(closed.size(),
        hours(percentile(closed, Closed::firstResponseSecs, 50)), hours(percentile(closed, Closed::firstResponseSecs, 90)),
        hours(percentile(closed, Closed::resolutionSecs, 50)), hours(percentile(closed, Closed::resolutionSecs, 90)),
        hours(closed.stream().mapToLong(Closed::waitingSecs).sum()),
        rate(closed.stream().filter(c -> !c.resolutionSlaMet()).count(), closed.size()),
        answers.isEmpty() ? null : BigDecimal.valueOf(answers.stream().mapToInt(Integer::intValue).sum())
            .divide(BigDecimal.valueOf(answers.size()), 2, RoundingMode.HALF_UP),
        answers.size(),
        rate(closed.stream().filter(c -> c.reopenCount() > 0).count(), closed.size()),
        rate(closed.stream().filter(c -> c.reopenCount() == 0 && !c.escalated() && !c.unresolved()).count(),
            closed.size()));
  }

  /** Nearest rank: the smallest value with at least p % of the values at or below it. */
  static Long percentile(List<Closed> closed, Function<Closed, Long> value, int p) {
    List<Long> sorted = closed.stream().map(value).sorted(Comparator.naturalOrder()).toList();
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  private static BigDecimal hours(Long seconds) {
    return seconds == null ? null : BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal rate(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }
}
