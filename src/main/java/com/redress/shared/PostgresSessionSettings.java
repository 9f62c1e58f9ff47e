package com.redress.shared;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Session settings for every PostgreSQL connection Redress opens ({@code redress.postgres.session-options}).
 * JIT compilation is off: the engine's queries are short, and the cost estimate of Tasklist's
 * group count at 100 000 open tasks passes the JIT threshold, so compiling took 0.8 s of a 1.1 s
 * query (docs/performance.md). Options in the JDBC URL take precedence.
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor, EnvironmentAware {

  static final String DEFAULT_OPTIONS = "-c jit=off";

  private String options = DEFAULT_OPTIONS;

  @Override
  public void setEnvironment(Environment environment) {
    options = environment.getProperty("redress.postgres.session-options", DEFAULT_OPTIONS);
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && !options.isBlank()) {
      pool.addDataSourceProperty("options", options);
    }
    return bean;
  }
}
