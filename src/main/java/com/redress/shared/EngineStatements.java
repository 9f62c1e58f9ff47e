package com.redress.shared;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.management.ActivityStatisticsQuery;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The one place where Redress replaces engine SQL (docs/adr/0020-task-visibility-at-scale.md):
 * its statements in {@value #MAPPER} are parsed into the engine's MyBatis configuration, and the
 * engine's statement names are routed to them through the engine's own statement mappings (the
 * mechanism it uses for database-specific statements). The engine's originals stay loaded, so
 * TaskQueryEquivalenceTest can compare both.
 *
 * <p>On PostgreSQL, task queries (Tasklist's filters, engine REST's task list and count) also run
 * with settings of their own, for the rest of their transaction (and Cockpit's activity statistics
 * with one, below):
 * <ul>
 *   <li>planned for their own parameters: the JDBC driver prepares a statement on the server after
 *   five uses, and the generic plan cannot see that a team holds one grant per open task (43 s for
 *   a member's count at 100 000 open tasks instead of 0.3 s). Only these queries: planning every
 *   statement cost about a third of a human step's throughput;
 *   <li>without parallel workers: on two shared cores they made Tasklist's first page slower (p95
 *   215 against 149 ms at 100 000 open tasks);
 *   <li>with room to hash a member's grants: without it the planner reads all of them again for
 *   every task once a team holds more than about 100 000 (a count at 1 000 000 did not finish in 10
 *   minutes).
 * </ul>
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

  /** Hashes of up to about 1.5 million grants (hash_mem_multiplier 2); only a task query's own, while it runs. */
  public static final String WORK_MEM = "64MB";

  /** The cost of a random page for Cockpit's activity statistics: solid-state storage's usual setting. */
  public static final String STATISTICS_RANDOM_PAGE_COST = "1.1";

  @Override
  public void preInit(ProcessEngineConfigurationImpl engine) {
    EngineInterceptors.beforeEach(engine,
        command -> (command instanceof TaskQuery || command instanceof AbstractExecuteFilterCmd) && onPostgres(),
        () -> setLocal("SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL max_parallel_workers_per_gather = 0;"
            + " SET LOCAL work_mem = '" + WORK_MEM + "'"));
    // Cockpit's activity statistics: the active-execution index (V3) holds every column the counts
    // need, but at PostgreSQL's default cost of a random page (4, made for spinning disks) the
    // planner reads the whole table instead: 150 against 80 ms on 200 000 executions
    EngineInterceptors.beforeEach(engine, command -> command instanceof ActivityStatisticsQuery && onPostgres(),
        () -> setLocal("SET LOCAL random_page_cost = " + STATISTICS_RANDOM_PAGE_COST));
  }

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

  /**
   * Whether the team tasks' read model (db/camunda/postgres V5, kept by triggers) is there: on
   * PostgreSQL. Asked by the count statement, while a command runs.
   */
  public static boolean hasTeamTaskReadModel() {
    return onPostgres();
  }

  private static boolean onPostgres() {
    return DbSqlSessionFactory.POSTGRES.equals(Context.getProcessEngineConfiguration().getDatabaseType());
  }

  /** For the rest of the command's transaction, in one round trip. */
  private static void setLocal(String settings) {
    try (Statement statement = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection()
        .createStatement()) {
      statement.execute(settings);
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not apply the query's plan settings", e);
    }
  }
}
