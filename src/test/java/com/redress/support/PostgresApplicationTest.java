package com.redress.support;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The whole application on a real PostgreSQL server instead of H2. */
@Import(EmbeddedPostgresConfiguration.class)
@TestPropertySource(properties = "camunda.bpm.database.type=postgres")
public abstract class PostgresApplicationTest extends ApplicationTest {
}
