package com.redress.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.stereotype.Component;

/** Which database we run on, for the few statements H2 and PostgreSQL spell differently. */
@Component
public class Database {

  private final boolean postgres;

  public Database(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
  }

  public boolean isPostgres() {
    return postgres;
  }

  /**
   * Whether {@code failure} comes from the database being out of reach (down, restarting, no
   * connection to be had): SQL state class 08 (connection exception), 57P (operator intervention,
   * e.g. shut down) or the pool giving up. Callers answer 503 and the client may try again.
   */
  public static boolean unreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      // the rollback after a lost connection fails too; what made it roll back tells why
      if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && unreachable(rollback.getApplicationException())) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
