package com.redress.shared;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A month as people and the database write it: {@code 2026-11} (a date such as {@code 2026-11-05}
 * names its month), years 0001 to 9999. {@link YearMonth#parse} also takes {@code -0001-01} and
 * {@code +10000-01}, which no {@code CHAR(7)} column holds.
 */
public final class Months {

  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");

  private Months() {
  }

  /** The month, or null when {@code value} is not one. */
  public static YearMonth parse(String value) {
    if (value == null || !MONTH.matcher(value).matches() || value.startsWith("0000")) {
      return null;
    }
    try {
      return YearMonth.parse(value.substring(0, 7));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
