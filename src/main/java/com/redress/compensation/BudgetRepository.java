package com.redress.compensation;

import com.redress.shared.Database;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * compensation_budget. Reserving is one conditional UPDATE: the database's row lock makes
 * concurrent reservations queue up, and each re-checks what is left, on H2 and PostgreSQL alike.
 */
@Repository
class BudgetRepository {

  record Budget(String team, String month, String currency, BigDecimal amount, BigDecimal reserved, BigDecimal spent) {
    BigDecimal left() {
      return amount.subtract(reserved).subtract(spent);
    }
  }

  private final JdbcClient jdbc;
  /** Two first proposals of a month may create its row at once: PostgreSQL lets the second do nothing. */
  private final String ensureSql;

  BudgetRepository(JdbcClient jdbc, Database database) {
    this.jdbc = jdbc;
    this.ensureSql = database.isPostgres()
        ? """
          INSERT INTO compensation_budget (team, budget_month, currency, amount, updated_at)
          VALUES (:team, :month, :currency, :amount, :now) ON CONFLICT (team, budget_month) DO NOTHING"""
        : """
          INSERT INTO compensation_budget (team, budget_month, currency, amount, updated_at)
          SELECT :team, :month, :currency, :amount, :now
          WHERE NOT EXISTS (SELECT 1 FROM compensation_budget WHERE team = :team AND budget_month = :month)""";
  }

  /** Creates the month's row with the configured figure unless it exists. */
  void ensure(String team, String month, String currency, BigDecimal amount, OffsetDateTime now) {
    jdbc.sql(ensureSql)
        .param("team", team).param("month", month).param("currency", currency).param("amount", amount)
        .param("now", now).update();
  }

  /** True when the amount fitted and is now reserved; false leaves the budget untouched. */
  boolean reserve(String team, String month, BigDecimal amount, OffsetDateTime now) {
    return jdbc.sql("""
        UPDATE compensation_budget SET reserved = reserved + :amount, updated_at = :now
        WHERE team = :team AND budget_month = :month AND amount - reserved - spent >= :amount""")
        .param("amount", amount).param("now", now).param("team", team).param("month", month).update() == 1;
  }

  /** Gives back {@code release} of the reservation and books {@code spend} as spent. */
  void settle(String team, String month, BigDecimal release, BigDecimal spend, OffsetDateTime now) {
    jdbc.sql("""
        UPDATE compensation_budget SET reserved = reserved - :release, spent = spent + :spend, updated_at = :now
        WHERE team = :team AND budget_month = :month""")
        .param("release", release).param("spend", spend).param("now", now).param("team", team).param("month", month)
        .update();
  }

  void setAmount(String team, String month, String currency, BigDecimal amount, OffsetDateTime now) {
    ensure(team, month, currency, amount, now);
    jdbc.sql("UPDATE compensation_budget SET amount = :amount, updated_at = :now WHERE team = :team AND budget_month = :month")
        .param("amount", amount).param("now", now).param("team", team).param("month", month).update();
  }

  Optional<Budget> find(String team, String month) {
    return jdbc.sql("SELECT * FROM compensation_budget WHERE team = :team AND budget_month = :month")
        .param("team", team).param("month", month)
        .query((rs, row) -> new Budget(rs.getString("team"), rs.getString("budget_month").strip(),
            rs.getString("currency").strip(), rs.getBigDecimal("amount"), rs.getBigDecimal("reserved"),
            rs.getBigDecimal("spent")))
        .optional();
  }
}
