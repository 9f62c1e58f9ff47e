package com.redress.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A changed decision replayed on a period's closed complaints, side by side with what happened:
 * how many outcomes change, per group, the figures that follow (cost, approval tasks, triage) and
 * every changed case. Amounts are decimal text.
 */
public record WhatIfReport(String decision, LocalDate from, LocalDate to, int cases, int skipped, int failed,
    List<String> failures, int changed, List<Group> groups, List<Figure> figures, List<ChangedCase> changedCases) {

  /** Outcomes with {@code value} in {@code dimension}: before, after, and how many of the before ones change. */
  public record Group(String dimension, String value, int before, int after, int changed) {
  }

  public record Figure(String name, String before, String after, String delta) {
  }

  public record ChangedCase(String reference, Map<String, Object> before, Map<String, Object> after) {
  }
}
