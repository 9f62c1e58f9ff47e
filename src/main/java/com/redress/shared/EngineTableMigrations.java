package com.redress.shared;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * Redress's changes to the engine's own tables (statistics and indexes for the queries we
 * measured), versioned by Flyway in a history table of their own. They run after the engine has
 * created or updated its schema, which is why they are not among the application's migrations;
 * only PostgreSQL has any.
 */
@Component
public class EngineTableMigrations {

  private static final String HISTORY_TABLE = "redress_engine_schema_history";

  public EngineTableMigrations(DataSource dataSource, Database database, ProcessEngine engineWithSchema) {
    if (database.isPostgres()) {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/camunda/postgres")
          .table(HISTORY_TABLE)
          // the schema already holds the engine's and the application's tables
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    }
  }
}
