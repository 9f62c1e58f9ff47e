package com.redress.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Plans of the SQL the engine runs, taken from the statement its mapping leads to (Redress's,
 * engine/redress-statements.xml) with the parameters it binds, so the plan under test is the plan
 * that runs. {@code options} as EXPLAIN takes them, or empty.
 */
final class ExecutedSql {

  private ExecutedSql() {
  }

  /** Tasklist's "My group tasks" count for a plain member. */
  static List<String> memberCountPlan(ProcessEngine engine, JdbcTemplate jdbc, String options, String member, String group) {
    return planAs(engine, jdbc, options, member, group, "selectTaskCountByQueryCriteria", () -> {
      TaskQueryImpl query = (TaskQueryImpl) engine.getTaskService().createTaskQuery().taskCandidateGroup(group)
          .includeAssignedTasks();
      query.count(); // configures the query's authorization check for the member, as the engine does
      return query;
    });
  }

  /** Tasklist's "My group tasks" first page of 15 by due date for a plain member. */
  static List<String> memberPagePlan(ProcessEngine engine, JdbcTemplate jdbc, String options, String member, String group) {
    return planAs(engine, jdbc, options, member, group, "selectTaskByQueryCriteria", () -> {
      TaskQueryImpl query = (TaskQueryImpl) engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.of(group))
          .includeAssignedTasks().orderByDueDate().asc();
      query.listPage(0, 15); // configures the check and the page, as the engine does
      return query;
    });
  }

  /** Cockpit's counts on a definition's diagram (engine REST's statistics with failed jobs) for an administrator. */
  static List<String> activityStatisticsPlan(ProcessEngine engine, JdbcTemplate jdbc, String options, String admin,
      String group, String definitionId) {
    return planAs(engine, jdbc, options, admin, group, "selectActivityStatistics", () -> {
      ActivityStatisticsQueryImpl query = (ActivityStatisticsQueryImpl) engine.getManagementService()
          .createActivityStatisticsQuery(definitionId).includeFailedJobs();
      query.list(); // configures the query's checks, and applies Redress's settings for it to the transaction
      return query;
    });
  }

  /**
   * The plan of {@code engineStatement} for the query {@code configured} makes, run in one command as
   * {@code user} of {@code group}: the engine configures the query's checks for them, and Redress's
   * settings for the query apply to the transaction the plan is asked in.
   */
  private static List<String> planAs(ProcessEngine engine, JdbcTemplate jdbc, String options, String user,
      String group, String engineStatement, Supplier<Object> configured) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return configuration.getCommandExecutorTxRequired().execute(context ->
          explain(configuration, jdbc, options, engineStatement, configured.get()));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The plan of the statement the engine's {@code engineStatement} is mapped to, bound to {@code query}. */
  private static List<String> explain(ProcessEngineConfigurationImpl configuration, JdbcTemplate jdbc, String options,
      String engineStatement, Object query) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    BoundSql sql = mybatis.getMappedStatement(configuration.getDbSqlSessionFactory().mapStatement(engineStatement))
        .getBoundSql(query);
    MetaObject fields = mybatis.newMetaObject(query);
    List<Object> parameters = new ArrayList<>();
    for (ParameterMapping parameter : sql.getParameterMappings()) {
      String name = parameter.getProperty();
      parameters.add(sql.hasAdditionalParameter(name) ? sql.getAdditionalParameter(name) : fields.getValue(name));
    }
    return jdbc.queryForList("EXPLAIN " + options + " " + sql.getSql(), String.class, parameters.toArray());
  }

  /** Which groups hold any authorization: asked in every authenticated command. */
  static List<String> authorizedGroupIdsPlan(ProcessEngine engine, JdbcTemplate jdbc, String options) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String statement = configuration.getDbSqlSessionFactory().mapStatement("selectAuthorizedGroupIds");
    String sql = configuration.getSqlSessionFactory().getConfiguration().getMappedStatement(statement)
        .getBoundSql(null).getSql();
    return jdbc.queryForList("EXPLAIN " + options + " " + sql, String.class);
  }
}
