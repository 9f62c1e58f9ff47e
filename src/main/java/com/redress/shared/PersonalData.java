package com.redress.shared;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What identifies one customer in texts, to be found and erased wherever it was kept or quoted: a
 * handler's resolution, a failure's message, an audit event (docs/adr/0017). Names, addresses and
 * numbers ({@code quoted}) are found inside any text, ignoring case, but not inside a longer word
 * ("Li" is not found in "DELIVERY"); the customer's own longer words ({@code whole}: a subject, a
 * description) only as a whole value, so that a common word in them erases nothing else.
 */
public final class PersonalData {

  /** What stands where personal data was. */
  public static final String ERASED = "(erased)";

  private final Pattern quoted;
  private final Set<String> whole;

  public PersonalData(Collection<String> quoted, Collection<String> whole) {
    String alternatives = quoted.stream().filter(Objects::nonNull).map(String::strip).filter(t -> !t.isEmpty())
        .distinct().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .map(Pattern::quote).collect(Collectors.joining("|"));
    this.quoted = alternatives.isEmpty() ? null : Pattern.compile(
        "(?<![\\p{IsLatin}\\d])(?:" + alternatives + ")(?![\\p{IsLatin}\\d])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    this.whole = whole.stream().filter(Objects::nonNull).map(PersonalData::normal).filter(t -> !t.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Only names, addresses and numbers, to be found inside texts. */
  public static PersonalData quoted(Collection<String> texts) {
    return new PersonalData(texts, Set.of());
  }

  public boolean foundIn(String text) {
    return text != null && (whole.contains(normal(text)) || quoted != null && quoted.matcher(text).find());
  }

  /** {@code text} with the personal data in it replaced by {@link #ERASED}; null stays null. */
  public String erasedFrom(String text) {
    if (!foundIn(text)) {
      return text;
    }
    return whole.contains(normal(text)) ? ERASED : quoted.matcher(text).replaceAll(ERASED);
  }

  private static String normal(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }
}
