package com.redress.award;

import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.shared.ProcessVariable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Award runs still running on models deployed before today's. EmployeeAward up to 1.1.x names the
 * nomination review's listener by its former name; those instances find it under that name. Forms
 * deployed before issue 18 (the forms are bound to their deployment) read the nominations and the
 * awards as one text each, not as today's tables: every award task gets that text too. Remove once
 * no such run is left (migrate them, issue 23).
 */
@Configuration(proxyBeanMethods = false)
class EarlierAwardModels {

  /** What the earlier forms read: the review's nominations, the committee's awards. */
  static final ProcessVariable<String> RANKING_TEXT = ProcessVariable.of("ranking", String.class);
  static final ProcessVariable<String> AWARDS_TEXT = ProcessVariable.of("awardsText", String.class);
  private static final String LEFT_OUT = "… and %d more: the award run's page shows them all";
  private static final int LONGEST_LINE = 400;

  @Bean
  ExecutionListener reviewNominationsListener(ValidateNominationChangeListener listener) {
    return listener;
  }

  /**
   * One line per row, its non-empty values in the table's order, then {@code last} if given; as
   * many rows as fit in a text variable (the engine keeps at most 4000 characters: a longer one
   * failed the task's creation at 200 handlers), then how many are left out. A line is cut at
   * {@link #LONGEST_LINE} characters (a nomination's reasons may be long), so that one row cannot
   * crowd out the others.
   */
  static String asText(List<Map<String, Object>> rows, String last) {
    List<String> lines = rows.stream().map(row -> cut(row.values().stream().map(String::valueOf)
        .filter(value -> !value.isEmpty()).collect(Collectors.joining(" · ")))).toList();
    String end = last == null ? null : cut(last);
    int room = ComplaintHandlingProcess.TEXT_VARIABLE_ROOM - (end == null ? 0 : end.length() + 1) - LEFT_OUT.length()
        - 10;
    StringBuilder text = new StringBuilder();
    int shown = 0;
    while (shown < lines.size() && text.length() + lines.get(shown).length() + 1 <= room) {
      text.append(shown > 0 ? "\n" : "").append(lines.get(shown++));
    }
    if (shown < lines.size()) {
      text.append(shown > 0 ? "\n" : "").append(LEFT_OUT.formatted(lines.size() - shown));
    }
    return Stream.concat(Stream.of(text.toString()).filter(t -> !t.isEmpty()), Stream.ofNullable(end))
        .collect(Collectors.joining("\n"));
  }

  private static String cut(String line) {
    return line.length() <= LONGEST_LINE ? line : line.substring(0, LONGEST_LINE - 2) + " …";
  }
}
