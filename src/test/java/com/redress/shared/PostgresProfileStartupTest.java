package com.redress.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.redress.RedressApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The postgres profile refuses to start without its environment, and says which variables are missing. */
class PostgresProfileStartupTest {

  @Test
  void startWithoutEnvironmentFailsNamingEveryMissingVariable() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(RedressApplication.class)
        .profiles("postgres").web(WebApplicationType.NONE)
        .properties("REDRESS_DB_URL=jdbc:postgresql://127.0.0.1:1/none", "REDRESS_DB_USER=redress")
        .run())
        .isInstanceOf(PostgresEnvironmentCheck.MissingEnvironmentException.class)
        .hasMessage("Profile 'postgres' needs the environment variable(s) "
            + "REDRESS_DB_PASSWORD, REDRESS_ADMIN_USER, REDRESS_ADMIN_PASSWORD");
  }

  @Test
  void failureReportTellsWhatToSet() {
    PostgresEnvironmentCheck.MissingEnvironmentException missing =
        new PostgresEnvironmentCheck.MissingEnvironmentException(java.util.List.of("REDRESS_ADMIN_PASSWORD"));
    FailureAnalysis analysis = new MissingEnvironmentFailureAnalyzer().analyze(missing);
    assertThat(analysis.getDescription()).contains("REDRESS_ADMIN_PASSWORD");
    assertThat(analysis.getAction()).contains("Set REDRESS_ADMIN_PASSWORD");
  }
}
