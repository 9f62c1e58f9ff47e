package com.redress.shared;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Session settings for every PostgreSQL connection Redress opens, both for Tasklist's group count
 * at 100 000 open tasks (docs/performance.md). Plans are made for each execution's parameters:
 * the JDBC driver prepares a statement on the server after five uses, and the generic plan cannot
 * see that a team holds one authorization row per open task, so it compares every task with every
 * row (43 s instead of 0.3 s). JIT compilation is off: the engine's queries are short, and the
 * count's cost estimate passes the JIT threshold, so compiling took 0.8 s of a 1.1 s query.
 * Options in the JDBC URL take precedence.
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      pool.addDataSourceProperty("options", "-c jit=off -c plan_cache_mode=force_custom_plan");
    }
    return bean;
  }
}
