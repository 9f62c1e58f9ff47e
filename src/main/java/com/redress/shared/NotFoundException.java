package com.redress.shared;

import com.redress.language.Wording;

/** Answered with 404; the message never says whether a reference exists but was hidden. */
public class NotFoundException extends Refusal {

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(Wording wording) {
    super(wording);
  }
}
