package com.redress.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  private final BusinessCalendar calendar = new BusinessCalendar(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0),
      SHANGHAI, List.of());

  private static Instant at(String localDateTime, ZoneId zone) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant();
  }

  private static Instant shanghai(String localDateTime) {
    return at(localDateTime, SHANGHAI);
  }

  @Test
  void withinOneWorkingDay() {
    // 2026-11-23 is a Monday
    assertThat(calendar.plus(shanghai("2026-11-23T10:00"), Duration.ofHours(8))).isEqualTo(shanghai("2026-11-23T18:00"));
  }

  @Test
  void overnightContinuesAtNextOpening() {
    assertThat(calendar.plus(shanghai("2026-11-23T17:00"), Duration.ofHours(2))).isEqualTo(shanghai("2026-11-24T10:00"));
    assertThat(calendar.plus(shanghai("2026-11-23T07:00"), Duration.ofHours(1))).isEqualTo(shanghai("2026-11-23T10:00"));
    assertThat(calendar.plus(shanghai("2026-11-23T22:30"), Duration.ofMinutes(30))).isEqualTo(shanghai("2026-11-24T09:30"));
  }

  @Test
  void weekendsDoNotCount() {
    assertThat(calendar.plus(shanghai("2026-11-27T17:00"), Duration.ofHours(2))).isEqualTo(shanghai("2026-11-30T10:00"));
    assertThat(calendar.plus(shanghai("2026-11-28T12:00"), Duration.ofHours(1))).isEqualTo(shanghai("2026-11-30T10:00"));
    // 80 business hours from Monday 09:00: eight full days of nine hours plus eight hours
    assertThat(calendar.plus(shanghai("2026-11-23T09:00"), Duration.ofHours(80))).isEqualTo(shanghai("2026-12-03T17:00"));
  }

  @Test
  void aDueTimeCrossingHolidaysSkipsThem() {
    BusinessCalendar withHolidays = new BusinessCalendar(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0), SHANGHAI,
        List.of(LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-01")));
    // Wednesday 17:00 + 3 h: one hour on Wednesday, Thursday and Friday are holidays, the weekend too
    assertThat(withHolidays.plus(shanghai("2026-12-30T17:00"), Duration.ofHours(3)))
        .isEqualTo(shanghai("2027-01-04T11:00"));
    assertThat(withHolidays.between(shanghai("2026-12-30T17:00"), shanghai("2027-01-04T11:00")))
        .isEqualTo(Duration.ofHours(3));
  }

  @Test
  void anotherTimeZoneCountsItsOwnHoursAcrossDaylightSaving() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    BusinessCalendar europe = new BusinessCalendar(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0), berlin, List.of());
    // 16:00 UTC on a November Monday is 17:00 in Berlin: closing time, so the next hours are Tuesday's
    assertThat(europe.plus(Instant.parse("2026-11-23T15:00:00Z"), Duration.ofHours(2)))
        .isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    // summer time starts on Sunday 2027-03-28: Monday's opening is 07:00 UTC, not 08:00
    assertThat(europe.plus(at("2027-03-26T16:00", berlin), Duration.ofHours(2)))
        .isEqualTo(Instant.parse("2027-03-29T08:00:00Z"));
  }

  @Test
  void businessTimeBetweenTwoMoments() {
    assertThat(calendar.between(shanghai("2026-11-27T17:00"), shanghai("2026-11-30T10:00"))).isEqualTo(Duration.ofHours(2));
    assertThat(calendar.between(shanghai("2026-11-28T10:00"), shanghai("2026-11-29T10:00"))).isZero();
    assertThat(calendar.between(shanghai("2026-11-24T10:00"), shanghai("2026-11-23T10:00"))).isZero();
  }

  @Test
  void aCalendarWithoutWorkingTimeIsRefused() {
    assertThatThrownBy(() -> new BusinessCalendar(Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0), SHANGHAI, List.of()))
        .hasMessageContaining("working-days");
    assertThatThrownBy(() -> new BusinessCalendar(WEEKDAYS, LocalTime.of(18, 0), LocalTime.of(9, 0), SHANGHAI, List.of()))
        .hasMessageContaining("start");
  }
}
