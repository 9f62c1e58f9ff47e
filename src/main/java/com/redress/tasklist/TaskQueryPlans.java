package com.redress.tasklist;

import com.redress.shared.EngineInterceptors;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Task queries (Tasklist's filters, engine REST's task list and count) are planned for their own
 * parameters on PostgreSQL. The JDBC driver prepares a statement on the server after five uses;
 * the generic plan then cannot see that a team holds one authorization row per open task, and
 * compares every visible task with every row: 43 s for a member's count at 100 000 open tasks
 * instead of 0.3 s (docs/performance.md). Only these queries: planning every statement cost
 * about a third of a human step's throughput.
 * They also run without parallel workers: on two cores shared with the other requests, starting
 * workers made Tasklist's first page slower (p95 215 against 149 ms at 100 000 open tasks).
 * And with room to hash the user's grants (engine/redress-statements.xml): without it, the
 * planner falls back to scanning all of them again for every task once a team holds more than
 * about 100 000 open tasks (a count did not finish in 10 minutes at 1 000 000).
 */
@Component
class TaskQueryPlans extends AbstractProcessEnginePlugin {

  /** Hashes of up to about 1.5 million grants (hash_mem_multiplier 2); only a task query's own, while it runs. */
  static final String WORK_MEM = "64MB";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineInterceptors.beforeEach(configuration,
        command -> (command instanceof TaskQueryImpl || command instanceof AbstractExecuteFilterCmd)
            && DbSqlSessionFactory.POSTGRES.equals(Context.getProcessEngineConfiguration().getDatabaseType()),
        TaskQueryPlans::planForTheseParameters);
  }

  /** For the rest of the command's transaction. */
  private static void planForTheseParameters() {
    try (Statement statement = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection()
        .createStatement()) {
      // one round trip
      statement.execute("SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL max_parallel_workers_per_gather = 0;"
          + " SET LOCAL work_mem = '" + WORK_MEM + "'");
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not plan the task query for its parameters", e);
    }
  }
}
