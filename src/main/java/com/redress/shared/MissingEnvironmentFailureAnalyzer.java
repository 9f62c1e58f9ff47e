package com.redress.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the postgres profile's missing variables as Spring Boot's short start-up failure report. */
public class MissingEnvironmentFailureAnalyzer
    extends AbstractFailureAnalyzer<PostgresEnvironmentCheck.MissingEnvironmentException> {

  @Override
  protected FailureAnalysis analyze(Throwable root, PostgresEnvironmentCheck.MissingEnvironmentException cause) {
    return new FailureAnalysis(cause.getMessage() + ".",
        "Set " + String.join(", ", cause.missing()) + " (see README, 'Production on PostgreSQL'), "
            + "or start without the postgres profile to use the embedded database.",
        cause);
  }
}
