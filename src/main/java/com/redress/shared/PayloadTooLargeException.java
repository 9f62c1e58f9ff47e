package com.redress.shared;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the API's limit; answered with 413. */
public class PayloadTooLargeException extends IOException {

  public PayloadTooLargeException(long limit) {
    super("Request body exceeds " + limit + " bytes");
  }
}
