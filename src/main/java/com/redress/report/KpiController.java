package com.redress.report;

import com.redress.shared.Csv;
import com.redress.shared.DayRange;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reports/kpis?from=&to=}: service managers, auditors, administrators. */
@RestController
class KpiController {

  /** Longer periods would be read in one go; a year is plenty for a management view. */
  static final int MAX_DAYS = 366;

  private final KpiReport report;

  KpiController(KpiReport report) {
    this.report = report;
  }

  @GetMapping("/api/reports/kpis")
  KpiReport.Report kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return report(from, to);
  }

  /** The same figures with {@code Accept: text/csv}: one row for the total and one per team, category, channel. */
  @GetMapping(path = {"/api/reports/kpis", "/reports/kpis.csv"}, produces = "text/csv")
  ResponseEntity<String> kpisCsv(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    KpiReport.Report report = report(from, to);
    StringBuilder csv = new StringBuilder(Csv.row("scope", "key", "closed", "first_response_median_h",
        "first_response_p90_h", "resolution_median_h", "resolution_p90_h", "customer_waiting_h", "sla_breach_rate", "csat",
        "surveys_answered", "reopen_rate", "first_contact_resolution_rate"));
    csv.append(row("total", "", report.total()));
    Map.of("team", report.byTeam(), "category", report.byCategory(), "channel", report.byChannel()).entrySet()
        .stream().sorted(Map.Entry.comparingByKey())
        .forEach(scope -> scope.getValue().forEach((key, figures) -> csv.append(row(scope.getKey(), key, figures))));
    return Csv.download("kpis-" + from + "-" + to + ".csv", csv.toString());
  }

  private static String row(String scope, String key, KpiReport.Figures f) {
    return Csv.row(scope, key, f.closed(), f.firstResponseMedianHours(), f.firstResponseP90Hours(),
        f.resolutionMedianHours(), f.resolutionP90Hours(), f.customerWaitingHours(), f.slaBreachRate(), f.csat(), f.surveysAnswered(),
        f.reopenRate(), f.firstContactResolutionRate());
  }

  private KpiReport.Report report(String from, String to) {
    DayRange period = DayRange.parse(from, to, MAX_DAYS);
    return report.between(period.from(), period.to());
  }
}
