package com.redress.complaint;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The satisfaction survey after a resolution ({@code redress.survey.*}): how long the customer
 * has to answer (calendar time, the customer's week is not our business hours) and how often an
 * unhappy answer reopens the complaint before it closes unresolved.
 */
@ConfigurationProperties("redress.survey")
public record SurveyPolicy(@DefaultValue("P7D") Duration timeout, @DefaultValue("2") int maxReopenings) {

  public static final int MIN_SCORE = 1;
  public static final int MAX_SCORE = 5;
  public static final int MAX_COMMENT = 2000;

  public SurveyPolicy {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("redress.survey.timeout must be positive");
    }
    if (maxReopenings < 0) {
      throw new IllegalArgumentException("redress.survey.max-reopenings must not be negative");
    }
  }
}
