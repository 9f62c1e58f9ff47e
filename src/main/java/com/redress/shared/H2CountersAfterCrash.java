package com.redress.shared;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * On the embedded H2 default, puts the counters of Redress's tables (identity columns, the complaint
 * reference sequence) past the highest value stored, after every migration, that is at every start.
 * A node killed with kill -9 keeps every committed row (WRITE_DELAY=0) but H2 may store the
 * counters' state later than the rows, so after such a crash the next insert would reuse a value
 * (seen: a duplicate audit_event id failing every step once after the restart). PostgreSQL's
 * sequences are crash-safe: nothing happens there.
 */
@Component
class H2CountersAfterCrash implements Callback {

  /** Table and identity column, in the order of their migrations. */
  private static final Map<String, String> IDENTITIES = Map.of("notification_outbox", "id", "audit_event", "id",
      "award_objection", "id");

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    Connection connection = context.getConnection();
    try (Statement sql = connection.createStatement()) {
      if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
        return;
      }
      for (Map.Entry<String, String> identity : IDENTITIES.entrySet()) {
        long next = single(sql, "SELECT COALESCE(MAX(" + identity.getValue() + "), 0) + 1 FROM " + identity.getKey());
        sql.execute("ALTER TABLE " + identity.getKey() + " ALTER COLUMN " + identity.getValue() + " RESTART WITH " + next);
      }
      // references are CMP-<year>-<number>: the number starts at the tenth character
      long nextReference = single(sql, "SELECT COALESCE(MAX(CAST(SUBSTRING(reference, 10) AS BIGINT)), 0) + 1"
          + " FROM complaint");
      sql.execute("ALTER SEQUENCE complaint_reference_seq RESTART WITH " + nextReference);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not set H2's counters past the stored rows", e);
    }
  }

  private static long single(Statement sql, String query) throws SQLException {
    try (ResultSet result = sql.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  @Override
  public String getCallbackName() {
    return "h2-counters-after-crash";
  }
}
