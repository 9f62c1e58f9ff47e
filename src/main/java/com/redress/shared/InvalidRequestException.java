package com.redress.shared;

import java.util.List;

/** A request that breaks the contract; answered with 400 and every bad field listed. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  private static String describe(List<FieldProblem> problems) {
    StringBuilder text = new StringBuilder();
    for (FieldProblem problem : problems) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(problem.field()).append(": ").append(problem.message());
    }
    return text.toString();
  }
}
