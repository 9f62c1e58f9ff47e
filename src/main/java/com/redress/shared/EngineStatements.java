package com.redress.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * The one place where Redress replaces engine SQL (docs/adr/0020-task-visibility-at-scale.md):
 * its statements in {@value #MAPPER} are parsed into the engine's MyBatis configuration, and the
 * engine's statement names are routed to them through the engine's own statement mappings (the
 * mechanism it uses for database-specific statements). The engine's originals stay loaded, so
 * TaskQueryEquivalenceTest can compare both.
 */
@Component
public class EngineStatements extends AbstractProcessEnginePlugin {

  static final String MAPPER = "engine/redress-statements.xml";

  /** The engine's statement name and Redress's replacement, on every database. */
  public static final Map<String, String> REPLACED = Map.of(
      "selectTaskByQueryCriteria", "redressSelectTaskByQueryCriteria",
      "selectTaskCountByQueryCriteria", "redressSelectTaskCountByQueryCriteria");

  /**
   * Replaced on PostgreSQL only: H2 answers the engine's SELECT DISTINCT by skipping through the
   * group index already, and cannot use the index for the recursive walk's "next larger group".
   */
  public static final Map<String, String> REPLACED_ON_POSTGRES = Map.of(
      "selectAuthorizedGroupIds", "redressSelectAuthorizedGroupIds");

  @Override
  public void postInit(ProcessEngineConfigurationImpl engine) {
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    if (!mybatis.isResourceLoaded(MAPPER)) {
      try (InputStream mapper = EngineStatements.class.getClassLoader().getResourceAsStream(MAPPER)) {
        new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new ProcessEngineException("Could not read " + MAPPER, e);
      }
    }
    DbSqlSessionFactory statements = engine.getDbSqlSessionFactory();
    // the engine's map for a database type is shared by every engine in the JVM: change a copy
    Map<String, String> mappings = statements.getStatementMappings() == null
        ? new HashMap<>() : new HashMap<>(statements.getStatementMappings());
    Map<String, String> replaced = new HashMap<>(REPLACED);
    if (DbSqlSessionFactory.POSTGRES.equals(engine.getDatabaseType())) {
      replaced.putAll(REPLACED_ON_POSTGRES);
    }
    replaced.keySet().stream().filter(mappings::containsKey).findAny().ifPresent(taken -> {
      throw new ProcessEngineException("The engine maps " + taken + " on " + engine.getDatabaseType()
          + " itself; Redress's replacement would hide that");
    });
    mappings.putAll(replaced);
    statements.setStatementMappings(mappings);
  }
}
