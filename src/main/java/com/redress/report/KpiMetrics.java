package com.redress.report;

import com.redress.shared.AppClock;
import com.redress.shared.Money;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures for the current month to date as gauges on /actuator/prometheus
 * ({@code redress_kpi_*}, tagged scope = total, team, category or channel, and key). Computed from
 * the KPI records every few minutes, never per scrape, so monitoring adds no load on the database.
 */
@Component
class KpiMetrics {

  private static final Map<String, Function<KpiReport.Figures, Number>> FIGURES = new LinkedHashMap<>();

  static {
    FIGURES.put("redress.kpi.closed", KpiReport.Figures::closed);
    FIGURES.put("redress.kpi.first.response.median.hours", KpiReport.Figures::firstResponseMedianHours);
    FIGURES.put("redress.kpi.first.response.p90.hours", KpiReport.Figures::firstResponseP90Hours);
    FIGURES.put("redress.kpi.resolution.median.hours", KpiReport.Figures::resolutionMedianHours);
    FIGURES.put("redress.kpi.resolution.p90.hours", KpiReport.Figures::resolutionP90Hours);
    FIGURES.put("redress.kpi.customer.waiting.hours", KpiReport.Figures::customerWaitingHours);
    FIGURES.put("redress.kpi.sla.breach.rate", KpiReport.Figures::slaBreachRate);
    FIGURES.put("redress.kpi.csat", KpiReport.Figures::csat);
    FIGURES.put("redress.kpi.reopen.rate", KpiReport.Figures::reopenRate);
    FIGURES.put("redress.kpi.first.contact.resolution.rate", KpiReport.Figures::firstContactResolutionRate);
  }

  private static final Logger LOG = LoggerFactory.getLogger(KpiMetrics.class);

  private final KpiReport report;
  private final AppClock clock;
  private final Map<String, MultiGauge> gauges = new LinkedHashMap<>();
  private final MultiGauge compensationSpent;
  private final MultiGauge money;

  KpiMetrics(KpiReport report, AppClock clock, MeterRegistry registry) {
    this.report = report;
    this.clock = clock;
    FIGURES.keySet().forEach(name -> gauges.put(name, MultiGauge.builder(name).register(registry)));
    compensationSpent = MultiGauge.builder("redress.kpi.compensation.spent.by.type")
        .description("Compensation issued this month by type, in the budget currency").register(registry);
    money = MultiGauge.builder("redress.kpi.money")
        .description("Compensation spent and budgeted, award spend, this month").register(registry);
  }

  /** On the scheduler's thread, first right after the start: never on the start's own path. */
  @Scheduled(fixedDelayString = "${redress.metrics.kpi-refresh:PT5M}", initialDelay = 0)
  void refresh() {
    try {
      update();
    } catch (RuntimeException e) {
      // stale gauges are better than a stopped application; the next refresh tries again
      LOG.warn("KPI gauges not refreshed", e);
    }
  }

  private void update() {
    LocalDate today = clock.nowInBusinessZone().toLocalDate();
    KpiReport.Report month = report.between(today.withDayOfMonth(1), today);
    FIGURES.forEach((name, figure) -> {
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      row(rows, "total", "", month.total(), figure);
      month.byTeam().forEach((key, f) -> row(rows, "team", key, f, figure));
      month.byCategory().forEach((key, f) -> row(rows, "category", key, f, figure));
      month.byChannel().forEach((key, f) -> row(rows, "channel", key, f, figure));
      gauges.get(name).register(rows, true);
    });
    List<MultiGauge.Row<?>> byType = new ArrayList<>();
    month.compensationSpentByType().forEach((type, spent) ->
        byType.add(MultiGauge.Row.of(Tags.of("type", type), spent.amount())));
    compensationSpent.register(byType, true);
    money.register(List.of(moneyRow("compensation_spent", month.compensationSpent()),
        moneyRow("compensation_budget", month.compensationBudget()), moneyRow("award_spend", month.awardSpend())), true);
  }

  private static void row(List<MultiGauge.Row<?>> rows, String scope, String key, KpiReport.Figures figures,
      Function<KpiReport.Figures, Number> figure) {
    Number value = figure.apply(figures);
    if (value != null) {
      rows.add(MultiGauge.Row.of(Tags.of("scope", scope, "key", key), value));
    }
  }

  private static MultiGauge.Row<?> moneyRow(String figure, Money amount) {
    BigDecimal value = amount.amount();
    return MultiGauge.Row.of(Tags.of("figure", figure, "currency", amount.currency()), value);
  }
}
