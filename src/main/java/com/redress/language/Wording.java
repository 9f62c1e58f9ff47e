package com.redress.language;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A phrase with its arguments, kept until the language it is said in is known (the request's,
 * the customer's). Arguments are text: MessageFormat would group numbers ("4,000 characters").
 */
public record Wording(Phrase phrase, List<String> arguments) {

  public Wording {
    arguments = List.copyOf(arguments);
  }

  static Wording of(Phrase phrase, Object... arguments) {
    return new Wording(phrase, Arrays.stream(arguments).map(String::valueOf).toList());
  }

  /** In English: the words of logs, of the engine's records, and of every caller not asking for another language. */
  public String english() {
    return fill(phrase.english(), Locale.ENGLISH);
  }

  String fill(String pattern, Locale locale) {
    return arguments.isEmpty() ? pattern : new MessageFormat(pattern, locale).format(arguments.toArray());
  }
}
