package com.redress.migration;

import java.util.Map;
import java.util.function.Function;

/**
 * The values a process's code gives variables that a running instance lacks when it moves to a
 * version that reads them (docs/analysts.md lists them per process). A variable without one blocks
 * the instance: a migration never guesses a value the model then acts on.
 */
public interface VariableDefaults {

  String processKey();

  /** By variable name: its value for the instance with the given business key. */
  Map<String, Function<String, Object>> byVariable();
}
