package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.MAX_REOPENINGS;
import static com.redress.complaint.ComplaintHandlingProcess.REOPEN_COUNT;

import com.redress.migration.VariableDefaults;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * ComplaintHandling's values for a complaint moved to a version that reads a variable it lacks:
 * the reopening limit's counter and limit, which complaints resolved before the limit existed do
 * not carry, are what Task_NotifyResolution would have set (the complaint's own count, the
 * configured limit).
 */
@Component
class ComplaintMigrationDefaults implements VariableDefaults {

  private final ComplaintRepository complaints;
  private final SurveyPolicy policy;

  ComplaintMigrationDefaults(ComplaintRepository complaints, SurveyPolicy policy) {
    this.complaints = complaints;
    this.policy = policy;
  }

  @Override
  public String processKey() {
    return ComplaintHandlingProcess.KEY;
  }

  @Override
  public Map<String, Function<String, Object>> byVariable() {
    return Map.of(
        REOPEN_COUNT.name(), reference -> complaints.find(reference)
            .orElseThrow(() -> new IllegalStateException("No complaint " + reference)).lifecycle().reopenCount(),
        MAX_REOPENINGS.name(), reference -> policy.maxReopenings());
  }
}
