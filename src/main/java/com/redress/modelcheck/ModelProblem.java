package com.redress.modelcheck;

/**
 * One thing wrong with a model, form or decision: where (file and element id), what, and how to
 * fix it. Errors stop a deployment; warnings are Modeler's lint warnings and only get printed.
 */
public record ModelProblem(Severity severity, String file, String element, String message, String fix) {

  public enum Severity { ERROR, WARNING }

  static ModelProblem error(String file, String element, String message, String fix) {
    return new ModelProblem(Severity.ERROR, file, element, message, fix);
  }

  static ModelProblem warning(String file, String element, String message, String fix) {
    return new ModelProblem(Severity.WARNING, file, element, message, fix);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code processes/X.bpmn Task_Y: message. Fix: hint} */
  @Override
  public String toString() {
    return (severity == Severity.WARNING ? "warning: " : "") + file + " " + element + ": " + message
        + ". Fix: " + fix;
  }
}
