package com.redress.shared;

import com.redress.language.Phrase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A period of whole days in the business time zone, both ends included, as reports take it. */
public record DayRange(LocalDate from, LocalDate to) {

  /** Dates far outside what a complaint system holds are mistakes, not periods. */
  private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

  /** Parses {@code from} and {@code to} request parameters; a 400 naming the field when they are wrong. */
  public static DayRange parse(String from, String to, int maxDays) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate first = day(problems, "from", from);
    LocalDate last = day(problems, "to", to);
    if (first != null && last != null && (last.isBefore(first) || first.plusDays(maxDays).isBefore(last))) {
      problems.add(FieldProblem.of("to", Phrase.DATE_RANGE, maxDays));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new DayRange(first, last);
  }

  public OffsetDateTime start(ZoneId zone) {
    return from.atStartOfDay(zone).toOffsetDateTime();
  }

  /** The first moment after the period. */
  public OffsetDateTime end(ZoneId zone) {
    return to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
  }

  private static LocalDate day(List<FieldProblem> problems, String name, String value) {
    try {
      LocalDate day = LocalDate.parse(value == null ? "" : value);
      if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
        problems.add(FieldProblem.of(name, Phrase.DATE_BETWEEN, EARLIEST, LATEST));
        return null;
      }
      return day;
    } catch (DateTimeParseException e) {
      problems.add(FieldProblem.of(name, Phrase.DATE_LIKE));
      return null;
    }
  }
}
