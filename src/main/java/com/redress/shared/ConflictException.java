package com.redress.shared;

import com.redress.language.Wording;

/** A request that is well-formed but clashes with the current state; answered with 409 or 422. */
public class ConflictException extends Refusal {

  private final int status;

  public ConflictException(int status, String message) {
    super(message);
    this.status = status;
  }

  public ConflictException(int status, Wording wording) {
    super(wording);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
