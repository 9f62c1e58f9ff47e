package com.redress.compensation;

import com.redress.classification.HandlerGroups;
import com.redress.language.Phrase;
import com.redress.shared.FieldProblem;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.Money;
import com.redress.shared.Months;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Budgets (finance and administrators set a month's figure) and the compensation report. */
@RestController
class CompensationController {

  private final CompensationService compensations;
  private final CompensationReport report;

  CompensationController(CompensationService compensations, CompensationReport report) {
    this.compensations = compensations;
    this.report = report;
  }

  record BudgetBody(Money amount) {
  }

  @PutMapping(path = "/api/compensation/budgets/{team}/{month}", consumes = MediaType.APPLICATION_JSON_VALUE)
  CompensationService.BudgetView setBudget(@PathVariable String team, @PathVariable String month,
      @RequestBody BudgetBody body) {
    List<FieldProblem> problems = new ArrayList<>();
    YearMonth yearMonth = month(problems, "month", month);
    if (!HandlerGroups.ALL.contains(team)) {
      problems.add(new FieldProblem("team", "must be one of " + String.join(", ", HandlerGroups.ALL)));
    }
    if (body == null || body.amount() == null || body.amount().amount() == null) {
      problems.add(new FieldProblem("amount.amount", "is required"));
    } else {
      Phrase amountProblem = Money.amountProblem(body.amount().amount().toPlainString());
      if (amountProblem != null) {
        problems.add(FieldProblem.of("amount.amount", amountProblem));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return compensations.setMonthlyBudget(team, yearMonth, body.amount().amount(), body.amount().currency());
  }

  @GetMapping("/api/compensation/budgets/{team}/{month}")
  CompensationService.BudgetView budget(@PathVariable String team, @PathVariable String month) {
    List<FieldProblem> problems = new ArrayList<>();
    YearMonth yearMonth = month(problems, "month", month);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return compensations.budget(team, yearMonth);
  }

  @GetMapping("/api/reports/compensation")
  CompensationReport.Report compensationReport(@RequestParam String from, @RequestParam String to) {
    List<FieldProblem> problems = new ArrayList<>();
    YearMonth first = month(problems, "from", from);
    YearMonth last = month(problems, "to", to);
    if (first != null && last != null && last.isBefore(first)) {
      problems.add(new FieldProblem("to", "must not be before from"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return report.between(first, last);
  }

  /** A month (2026-11), or a date whose month is meant (2026-11-23). */
  private static YearMonth month(List<FieldProblem> problems, String name, String value) {
    YearMonth month = Months.parse(value);
    if (month == null) {
      problems.add(new FieldProblem(name, "must be a month like 2026-11"));
    }
    return month;
  }
}
