package com.redress.shared;

import com.redress.language.Wording;
import java.time.Duration;

/** A caller over one of the public limits; answered with 429 and how long to wait. */
public class TooManyRequestsException extends Refusal {

  private final Duration retryAfter;

  public TooManyRequestsException(Wording wording, Duration retryAfter) {
    super(wording);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, at least one: the {@code Retry-After} header's value. */
  public String retryAfterSeconds() {
    return String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
  }
}
