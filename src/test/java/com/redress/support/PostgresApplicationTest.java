package com.redress.support;

import org.junit.jupiter.api.Tag;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on a real PostgreSQL server instead of H2. Tagged so that Maven runs
 * these in their own JVM (see pom.xml: the webapps resolve the engine through a static registry).
 */
@Tag("postgres")
@Import(EmbeddedPostgresConfiguration.class)
@TestPropertySource(properties = "camunda.bpm.database.type=postgres")
public abstract class PostgresApplicationTest extends ApplicationTest {
}
