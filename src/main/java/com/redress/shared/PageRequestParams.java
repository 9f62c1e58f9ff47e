package com.redress.shared;

import java.util.ArrayList;
import java.util.List;

/** Validated {@code ?page=&size=} parameters. */
public record PageRequestParams(int page, int size) {

  public static final int MAX_SIZE = 100;

  public static PageRequestParams of(Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? 20 : size;
    List<FieldProblem> problems = new ArrayList<>();
    if (p < 0) {
      problems.add(new FieldProblem("page", "must be 0 or more"));
    }
    if (s < 1 || s > MAX_SIZE) {
      problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new PageRequestParams(p, s);
  }

  public long offset() {
    return (long) page * size;
  }
}
