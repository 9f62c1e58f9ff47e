package com.redress.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one clock of the application. It reads the engine's clock, so tests that move
 * {@link ClockUtil} move due dates, SLA timers and the engine's timers together.
 */
@Component
public class AppClock {

  private final ZoneId businessZone;

  public AppClock(@Value("${redress.time-zone:Asia/Shanghai}") ZoneId businessZone) {
    this.businessZone = businessZone;
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Now, expressed in the business time zone (what customers and staff read). */
  public OffsetDateTime nowInBusinessZone() {
    return now().atZone(businessZone).toOffsetDateTime();
  }

  /**
   * Moves the whole JVM's clock (the engine's included) to {@code at}: for the demo history only,
   * which runs before the web server and the job executor start ({@link #backToNow()} after it).
   */
  public void travelTo(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  public void backToNow() {
    ClockUtil.reset();
  }

  public ZoneId businessZone() {
    return businessZone;
  }
}
