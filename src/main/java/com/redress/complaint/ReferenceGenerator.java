package com.redress.complaint;

import com.redress.shared.AppClock;
import com.redress.shared.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues {@code CMP-<year>-<6 digits>} from a database sequence: unique under any concurrency
 * and across nodes without a lock on a counter row (a rolled-back submission leaves a gap).
 */
@Component
class ReferenceGenerator {

  private final JdbcClient jdbc;
  private final AppClock clock;
  private final String nextValueSql;

  ReferenceGenerator(JdbcClient jdbc, AppClock clock, Database database) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.nextValueSql = database.isPostgres()
        ? "SELECT nextval('complaint_reference_seq')"
        : "SELECT NEXT VALUE FOR complaint_reference_seq";
  }

  String next() {
    long number = jdbc.sql(nextValueSql).query(Long.class).single();
    return "CMP-%d-%06d".formatted(clock.nowInBusinessZone().getYear(), number);
  }
}
