package com.redress.shared;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A typed process variable: its name and type in one place, read and written only through
 * here, so a renamed or retyped variable is a compile error rather than a runtime surprise.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  public T get(VariableScope scope) {
    Object value = scope.getVariable(name);
    return value == null ? null : type.cast(value);
  }

  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new IllegalStateException("Process variable '" + name + "' is missing");
    }
    return value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public VariableMap putInto(VariableMap variables, T value) {
    return variables.putValue(name, value);
  }

  public T from(java.util.Map<String, Object> variables) {
    Object value = variables.get(name);
    return value == null ? null : type.cast(value);
  }
}
