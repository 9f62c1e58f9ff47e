package com.redress.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL 15 for the application under test: the embedded server from Maven Central
 * (zonky), started by the test itself. The server outlives the Spring context: it is a bean
 * closed after the context's DataSource.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    // pg_stat_statements lets benchmarks count the SQL statements the server ran
    return EmbeddedPostgres.builder().setRegisterShutdownHook(false)
        .setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
  }

  @Bean
  @Primary
  DataSource dataSource(EmbeddedPostgres postgres) {
    return DataSourceBuilder.create()
        .url(postgres.getJdbcUrl("postgres", "postgres"))
        .username("postgres")
        .build();
  }

}
