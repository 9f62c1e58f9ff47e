package com.redress.shared;

import java.time.Duration;

/** A caller over one of the public limits; answered with 429 and how long to wait. */
public class TooManyRequestsException extends RuntimeException {

  private final Duration retryAfter;

  public TooManyRequestsException(String message, Duration retryAfter) {
    super(message);
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
