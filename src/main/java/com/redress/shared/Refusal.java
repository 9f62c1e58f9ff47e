package com.redress.shared;

import com.redress.language.Phrases;
import com.redress.language.Wording;
import java.util.Locale;

/**
 * A request refused for what it asks, not for a fault of ours. One a customer can meet carries its
 * {@link Wording}, so that the answer is told in the customer's language; its message is English.
 */
public abstract class Refusal extends RuntimeException {

  private final transient Wording wording;

  protected Refusal(String message) {
    super(message);
    this.wording = null;
  }

  protected Refusal(Wording wording) {
    super(wording.english());
    this.wording = wording;
  }

  /** The message in {@code locale}'s language, where it has one. */
  public String messageIn(Phrases phrases, Locale locale) {
    return wording == null ? getMessage() : phrases.say(wording, locale);
  }
}
