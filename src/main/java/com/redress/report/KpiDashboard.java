package com.redress.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.redress.shared.AppClock;
import com.redress.shared.DayRange;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.StaffRefusals;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The managers' dashboard: the period's KPIs as charts (ECharts, served from the application's
 * webjar, no CDN) and a table, the last six months as a trend, and the CSV download.
 */
@Controller
class KpiDashboard {

  private static final int TREND_MONTHS = 6;

  private final KpiReport report;
  private final AppClock clock;
  private final ObjectMapper json;

  private final StaffRefusals refusals;

  KpiDashboard(KpiReport report, AppClock clock, ObjectMapper json, StaffRefusals refusals) {
    this.refusals = refusals;
    this.report = report;
    this.clock = clock;
    this.json = json;
  }

  @GetMapping("/reports/kpis")
  String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      Model model) throws JsonProcessingException {
    LocalDate today = clock.nowInBusinessZone().toLocalDate();
    DayRange period;
    try {
      period = DayRange.parse(from == null ? today.withDayOfMonth(1).toString() : from,
          to == null ? today.toString() : to, KpiController.MAX_DAYS);
    } catch (InvalidRequestException e) {
      model.addAttribute("problems", refusals.said(e.problems()));
      period = new DayRange(today.withDayOfMonth(1), today);
    }
    KpiReport.Report figures = report.between(period.from(), period.to());
    model.addAttribute("period", period);
    model.addAttribute("report", figures);
    // the charts' data, as the API gives it, handed to the page's script as one JSON string
    model.addAttribute("data", json.writeValueAsString(Map.of("report", figures,
        "trend", report.monthly(YearMonth.from(period.to()), TREND_MONTHS))));
    return "reports/kpis";
  }
}
