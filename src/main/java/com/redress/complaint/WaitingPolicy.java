package com.redress.complaint;

import com.redress.shared.AppClock;
import com.redress.shared.BusinessCalendar;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a complaint waits for the customer's answer, in business hours from the question
 * ({@code redress.waiting.*}): until a reminder goes out, and until it closes unanswered.
 */
@Component
class WaitingPolicy {

  private final Duration reminderAfter;
  private final Duration closeAfter;
  private final BusinessCalendar calendar;
  private final AppClock clock;

  WaitingPolicy(@Value("${redress.waiting.reminder-after:PT16H}") Duration reminderAfter,
      @Value("${redress.waiting.close-after:PT40H}") Duration closeAfter, BusinessCalendar calendar, AppClock clock) {
    if (closeAfter.compareTo(reminderAfter) <= 0) {
      throw new IllegalStateException("redress.waiting.close-after must be longer than redress.waiting.reminder-after");
    }
    this.reminderAfter = reminderAfter;
    this.closeAfter = closeAfter;
    this.calendar = calendar;
    this.clock = clock;
  }

  OffsetDateTime reminderAt(OffsetDateTime asked) {
    return after(asked, reminderAfter);
  }

  OffsetDateTime noReplyAt(OffsetDateTime asked) {
    return after(asked, closeAfter);
  }

  private OffsetDateTime after(OffsetDateTime asked, Duration businessTime) {
    return calendar.plus(asked.toInstant(), businessTime).atZone(clock.businessZone()).toOffsetDateTime()
        .truncatedTo(ChronoUnit.MINUTES);
  }
}
