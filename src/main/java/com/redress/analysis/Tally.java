package com.redress.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts outcomes per dimension and value, before and after, while cases are replayed. */
final class Tally {

  private final Map<String, Map<String, int[]>> counts = new LinkedHashMap<>();
  private final List<WhatIfReport.ChangedCase> changedCases = new ArrayList<>();

  /** One case: its value in each dimension before and after (same keys, same order). */
  void add(String reference, Map<String, Object> before, Map<String, Object> after, List<String> dimensions) {
    boolean changed = !before.equals(after);
    for (String dimension : dimensions) {
      Map<String, int[]> values = counts.computeIfAbsent(dimension, d -> new TreeMap<>());
      int[] was = values.computeIfAbsent(String.valueOf(before.get(dimension)), v -> new int[3]);
      was[0]++;
      if (changed) {
        was[2]++;
      }
      values.computeIfAbsent(String.valueOf(after.get(dimension)), v -> new int[3])[1]++;
    }
    if (changed) {
      changedCases.add(new WhatIfReport.ChangedCase(reference, before, after));
    }
  }

  int changed() {
    return changedCases.size();
  }

  List<WhatIfReport.ChangedCase> changedCases() {
    return changedCases;
  }

  List<WhatIfReport.Group> groups() {
    List<WhatIfReport.Group> groups = new ArrayList<>();
    counts.forEach((dimension, values) -> values.forEach((value, n) ->
        groups.add(new WhatIfReport.Group(dimension, value, n[0], n[1], n[2]))));
    return groups;
  }
}
