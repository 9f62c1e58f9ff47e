package com.redress.shared;

/** A request that is well-formed but clashes with the current state; answered with 409 or 422. */
public class ConflictException extends RuntimeException {

  private final int status;

  public ConflictException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
