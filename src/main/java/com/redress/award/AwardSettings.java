package com.redress.award;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.awards.*}: when the monthly run starts (Camunda cron, server time zone), who is
 * eligible, how the components weigh, and the cash a period's awards may cost.
 */
@ConfigurationProperties("redress.awards")
public record AwardSettings(
    @DefaultValue("0 0 6 1 * ?") String schedule,
    @DefaultValue("5") int minimumComplaints,
    @DefaultValue("3") int innovationCap,
    @DefaultValue Weights weights,
    @DefaultValue("10000") BigDecimal budget,
    @DefaultValue("CNY") String currency,
    @DefaultValue("3") int objectionBusinessDays) {

  /** Relative weights; a component without data (no answered survey) drops out and the rest count more. */
  public record Weights(@DefaultValue("30") int timeliness, @DefaultValue("30") int quality,
      @DefaultValue("30") int satisfaction, @DefaultValue("10") int innovation) {

    @Override
    public String toString() {
      return "timeliness=" + timeliness + ",quality=" + quality + ",satisfaction=" + satisfaction
          + ",innovation=" + innovation;
    }
  }

  public AwardSettings {
    if (minimumComplaints < 1 || innovationCap < 1) {
      throw new IllegalArgumentException("redress.awards.minimum-complaints and innovation-cap must be at least 1");
    }
    if (weights.timeliness() < 0 || weights.quality() < 0 || weights.satisfaction() < 0 || weights.innovation() < 0
        || weights.timeliness() + weights.quality() + weights.innovation() == 0) {
      // satisfaction may drop out (no answered survey): the other weights must still add up to something
      throw new IllegalArgumentException("redress.awards.weights must not be negative, and timeliness, quality and "
          + "innovation together must weigh more than 0");
    }
  }
}
