package com.redress.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.stereotype.Component;

/** Which database we run on, for the few statements H2 and PostgreSQL spell differently. */
@Component
public class Database {

  /** How long an answer may take when asking whether the database is there at all. */
  private static final int PROBE_SECONDS = 2;

  private final DataSource dataSource;
  private final boolean postgres;

  public Database(DataSource dataSource) throws SQLException {
    this.dataSource = dataSource;
    try (Connection connection = dataSource.getConnection()) {
      this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
  }

  public boolean isPostgres() {
    return postgres;
  }

  /**
   * Whether {@code failure} came out of the persistence layer (a driver, Spring's data access or
   * transactions, the engine's persistence), whatever its SQL state says.
   */
  public static boolean fromPersistence(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException || t instanceof DataAccessException || t instanceof TransactionException
          || t instanceof ProcessEnginePersistenceException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the database answers now. Asked after a persistence failure that {@link #unreachable}
   * does not recognise: a connection cut in the middle of a step can surface as an engine or driver
   * error without the connection's SQL state.
   */
  public boolean answersNow() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(PROBE_SECONDS);
    } catch (SQLException e) {
      return false;
    }
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
