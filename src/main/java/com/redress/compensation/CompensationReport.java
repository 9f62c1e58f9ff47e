package com.redress.compensation;

import com.redress.shared.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compensation spending and reservations per team and type against the teams' budgets, for whole
 * months. Spent means issued; reserved means held for proposals still being approved.
 */
@Component
class CompensationReport {

  record Report(String from, String to, List<Team> teams) {
  }

  record Team(String team, Money budget, Money reserved, Money spent, Money left, List<ByType> byType) {
  }

  record ByType(String type, long proposals, long issued, Money reserved, Money spent) {
  }

  private final JdbcClient jdbc;
  private final CompensationSettings settings;

  CompensationReport(JdbcClient jdbc, CompensationSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  Report between(YearMonth from, YearMonth to) {
    String currency = settings.currency();
    record Row(String team, ByType byType) {
    }
    Map<String, List<ByType>> types = new LinkedHashMap<>();
    jdbc.sql("""
        SELECT team, compensation_type, COUNT(*) AS proposals,
          SUM(CASE WHEN status = 'ISSUED' THEN 1 ELSE 0 END) AS issued,
          SUM(reserved_amount) AS reserved,
          SUM(CASE WHEN status = 'ISSUED' THEN current_amount ELSE 0 END) AS spent
        FROM compensation WHERE budget_month BETWEEN :from AND :to
        GROUP BY team, compensation_type ORDER BY team, compensation_type""")
        .param("from", from.toString()).param("to", to.toString())
        .query((rs, row) -> new Row(rs.getString("team"), new ByType(rs.getString("compensation_type"),
            rs.getLong("proposals"), rs.getLong("issued"), new Money(rs.getBigDecimal("reserved"), currency),
            new Money(rs.getBigDecimal("spent"), currency))))
        .list()
        .forEach(r -> types.computeIfAbsent(r.team(), t -> new ArrayList<>()).add(r.byType()));
    List<Team> teams = jdbc.sql("""
        SELECT team, SUM(amount) AS budget, SUM(reserved) AS reserved, SUM(spent) AS spent
        FROM compensation_budget WHERE budget_month BETWEEN :from AND :to GROUP BY team ORDER BY team""")
        .param("from", from.toString()).param("to", to.toString())
        .query((rs, row) -> {
          BigDecimal budget = rs.getBigDecimal("budget");
          BigDecimal reserved = rs.getBigDecimal("reserved");
          BigDecimal spent = rs.getBigDecimal("spent");
          return new Team(rs.getString("team"), new Money(budget, currency), new Money(reserved, currency),
              new Money(spent, currency), new Money(budget.subtract(reserved).subtract(spent), currency),
              types.getOrDefault(rs.getString("team"), List.of()));
        }).list();
    return new Report(from.toString(), to.toString(), teams);
  }
}
