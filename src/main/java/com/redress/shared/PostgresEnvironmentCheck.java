package com.redress.shared;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The {@code postgres} profile takes its connection and the admin's credentials from the
 * environment. Fail before anything starts, naming every missing variable, rather than with a
 * placeholder error deep in a stack trace.
 */
public class PostgresEnvironmentCheck implements EnvironmentPostProcessor {

  static final List<String> REQUIRED = List.of(
      "REDRESS_DB_URL", "REDRESS_DB_USER", "REDRESS_DB_PASSWORD", "REDRESS_ADMIN_USER", "REDRESS_ADMIN_PASSWORD");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
      return;
    }
    List<String> missing = REQUIRED.stream()
        .filter(name -> environment.getProperty(name) == null || environment.getProperty(name).isBlank())
        .toList();
    if (!missing.isEmpty()) {
      throw new MissingEnvironmentException(missing);
    }
  }

  /** Names the environment variables the postgres profile lacks. */
  public static class MissingEnvironmentException extends IllegalStateException {

    private final List<String> missing;

    public MissingEnvironmentException(List<String> missing) {
      super("Profile 'postgres' needs the environment variable(s) " + String.join(", ", missing));
      this.missing = missing;
    }

    public List<String> missing() {
      return missing;
    }
  }
}
