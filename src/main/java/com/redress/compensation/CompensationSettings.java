package com.redress.compensation;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.compensation.*}: the budget currency (proposals in another one are refused),
 * each team's default monthly budget (an administrator may set a month's own figure), how long an
 * approver has (business days) and the largest amount any band covers.
 */
@ConfigurationProperties("redress.compensation")
public record CompensationSettings(
    @DefaultValue("CNY") String currency,
    @DefaultValue("0") BigDecimal defaultMonthlyBudget,
    Map<String, BigDecimal> monthlyBudgets,
    @DefaultValue("2") int approvalBusinessDays,
    @DefaultValue("1000000") BigDecimal maxAmount) {

  public CompensationSettings {
    monthlyBudgets = monthlyBudgets == null ? Map.of() : Map.copyOf(monthlyBudgets);
  }

  public BigDecimal monthlyBudget(String team) {
    return monthlyBudgets.getOrDefault(team, defaultMonthlyBudget);
  }
}
