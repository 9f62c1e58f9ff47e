package com.redress.shared;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Driver and session settings for every PostgreSQL connection Redress opens; the same settings in
 * the JDBC URL or in {@code spring.datasource.hikari.data-source-properties} take precedence
 * (docs/operations.md, docs/performance.md).
 * <ul>
 *   <li>{@code redress.postgres.session-options} (JIT off): the engine's queries are short, and the
 *   cost estimate of Tasklist's group count at 100 000 open tasks passes the JIT threshold, so
 *   compiling took 0.8 s of a 1.1 s query.</li>
 *   <li>{@code redress.postgres.rewrite-batched-inserts} (on): the engine and the audit trail
 *   insert their rows in JDBC batches at commit; the driver sends each batch as multi-row INSERTs
 *   instead of one statement per row. Updates and deletes are not rewritten, so the engine still
 *   sees their row counts (optimistic locking).</li>
 * </ul>
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor, EnvironmentAware {

  private String options;
  private boolean rewriteBatchedInserts;

  @Override
  public void setEnvironment(Environment environment) {
    options = environment.getProperty("redress.postgres.session-options", "-c jit=off");
    rewriteBatchedInserts = environment.getProperty("redress.postgres.rewrite-batched-inserts", Boolean.class, true);
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      if (!options.isBlank()) {
        pool.getDataSourceProperties().putIfAbsent("options", options);
      }
      pool.getDataSourceProperties().putIfAbsent("reWriteBatchedInserts", Boolean.toString(rewriteBatchedInserts));
    }
    return bean;
  }
}
