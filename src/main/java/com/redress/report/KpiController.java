package com.redress.report;

import com.redress.shared.FieldProblem;
import com.redress.shared.InvalidRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate first = day(problems, "from", from);
    LocalDate last = day(problems, "to", to);
    if (first != null && last != null && (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last))) {
      problems.add(new FieldProblem("to", "must be on or after from, at most " + MAX_DAYS + " days later"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return report.between(first, last);
  }

  private static LocalDate day(List<FieldProblem> problems, String name, String value) {
    try {
      return LocalDate.parse(value == null ? "" : value);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(name, "must be a date like 2026-10-01"));
      return null;
    }
  }
}
