package com.redress.shared;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
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
}
