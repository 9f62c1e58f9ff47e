package com.redress.award;

import com.redress.shared.ExposedToModels;
import org.springframework.stereotype.Component;

/** The monthly timer's cron for EmployeeAward's start event: {@code ${awardSchedule.cron}}. */
@Component("awardSchedule")
@ExposedToModels
public class AwardSchedule {

  private final AwardSettings settings;

  AwardSchedule(AwardSettings settings) {
    this.settings = settings;
  }

  public String getCron() {
    return settings.schedule();
  }
}
