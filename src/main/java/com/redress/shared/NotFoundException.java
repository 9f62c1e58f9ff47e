package com.redress.shared;

/** Answered with 404; the message never says whether a reference exists but was hidden. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
