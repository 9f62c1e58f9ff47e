package com.redress.shared;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Business hours: working days, working hours, time zone and holidays, all from configuration
 * ({@code redress.business-hours.*}). SLAs count only the time inside them.
 */
@ConfigurationProperties("redress.business-hours")
public record BusinessCalendar(
    @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> workingDays,
    @DefaultValue("09:00") LocalTime start,
    @DefaultValue("18:00") LocalTime end,
    @DefaultValue("Asia/Shanghai") ZoneId timeZone,
    @DefaultValue({}) List<LocalDate> holidays) {

  /** Searching further than this for a working day means the configuration has none. */
  private static final int MAX_DAYS_AHEAD = 3660;

  public BusinessCalendar {
    if (workingDays == null || workingDays.isEmpty()) {
      throw new IllegalArgumentException("redress.business-hours.working-days must name at least one day");
    }
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("redress.business-hours.start must be before its end");
    }
    workingDays = Set.copyOf(workingDays);
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
  }

  /** Business time in one working day (9 hours by default): "2 business days" is twice this. */
  public Duration workingDay() {
    return Duration.between(start, end);
  }

  /** The moment {@code amount} of business time after {@code from}. */
  public Instant plus(Instant from, Duration amount) {
    ZonedDateTime at = from.atZone(timeZone);
    Duration remaining = amount;
    for (int day = 0; day < MAX_DAYS_AHEAD; day++) {
      at = nextBusinessMoment(at);
      ZonedDateTime closing = at.toLocalDate().atTime(end).atZone(timeZone);
      Duration available = Duration.between(at, closing);
      if (remaining.compareTo(available) <= 0) {
        return at.plus(remaining).toInstant();
      }
      remaining = remaining.minus(available);
      at = closing;
    }
    throw new IllegalStateException("No business day within " + MAX_DAYS_AHEAD + " days: check redress.business-hours");
  }

  /** Business time between two moments (zero when {@code to} is not after {@code from}). */
  public Duration between(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    ZonedDateTime at = from.atZone(timeZone);
    ZonedDateTime until = to.atZone(timeZone);
    while (at.isBefore(until)) {
      at = nextBusinessMoment(at);
      if (!at.isBefore(until)) {
        break;
      }
      ZonedDateTime closing = at.toLocalDate().atTime(end).atZone(timeZone);
      ZonedDateTime stop = closing.isBefore(until) ? closing : until;
      total = total.plus(Duration.between(at, stop));
      at = closing;
    }
    return total;
  }

  public boolean isBusinessDay(LocalDate date) {
    return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /** {@code at} itself when inside business hours, else the next opening. */
  private ZonedDateTime nextBusinessMoment(ZonedDateTime at) {
    ZonedDateTime candidate = at;
    for (int day = 0; day < MAX_DAYS_AHEAD; day++) {
      LocalDate date = candidate.toLocalDate();
      if (isBusinessDay(date)) {
        ZonedDateTime opening = date.atTime(start).atZone(timeZone);
        ZonedDateTime closing = date.atTime(end).atZone(timeZone);
        if (candidate.isBefore(opening)) {
          return opening;
        }
        if (candidate.isBefore(closing)) {
          return candidate;
        }
      }
      candidate = date.plusDays(1).atStartOfDay(timeZone);
    }
    throw new IllegalStateException("No business day within " + MAX_DAYS_AHEAD + " days: check redress.business-hours");
  }
}
