package com.redress.language;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Says a {@link Wording} in a language: its {@code phrase.<NAME>} message, English where there is none. */
@Component
public class Phrases {

  static final String PREFIX = "phrase.";

  private final MessageSource messages;

  public Phrases(MessageSource messages) {
    this.messages = messages;
  }

  public String say(Wording wording, Locale locale) {
    String pattern = messages.getMessage(PREFIX + wording.phrase().name(), null, wording.phrase().english(), locale);
    return wording.fill(pattern, locale);
  }
}
