package com.redress.shared;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What identifies one customer in texts, to be found and erased wherever it was kept or quoted: a
 * handler's resolution, a failure's message, an audit event (docs/adr/0017). Names, addresses and
 * numbers ({@code quoted}) are found inside any text, ignoring case, but not inside a longer word or
 * number, and only when distinctive enough ({@link #distinctive}); the customer's own longer words
 * ({@code whole}: a subject, a description) only as a whole value, exactly, so that a common word in
 * them erases nothing else.
 */
public final class PersonalData {

  /** What stands where personal data was. */
  public static final String ERASED = "(erased)";
  private static final int MIN_DIGITS = 7;

  private final Pattern quoted;
  private final Set<String> whole;

  public PersonalData(Collection<String> quoted, Collection<String> whole) {
    String alternatives = quoted.stream().filter(Objects::nonNull).map(String::strip).flatMap(PersonalData::forms)
        .filter(PersonalData::distinctive).distinct()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .map(Pattern::quote).collect(Collectors.joining("|"));
    // not inside a longer word or number, nor a decimal's other half
    this.quoted = alternatives.isEmpty() ? null : Pattern.compile(
        "(?<![\\p{IsLatin}\\d]|\\d\\.)(?:" + alternatives + ")(?![\\p{IsLatin}\\d]|\\.\\d)",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    this.whole = whole.stream().filter(Objects::nonNull).map(String::strip).filter(PersonalData::distinctive)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** A phone number is also found as its digits alone ("+86 137 1234 5678" as "8613712345678"). */
  private static Stream<String> forms(String text) {
    String digits = text.replaceAll("\\D", "");
    return digits.length() >= MIN_DIGITS && !digits.equals(text) && text.matches("[+\\d\\s().-]+")
        ? Stream.of(text, digits) : Stream.of(text);
  }

  /**
   * Long enough to mean this customer and nothing else: a text with Latin letters of four characters
   * or more; with letters of other scripts only, two letters or more (a Chinese name, "王 芳" too); a
   * number of seven digits or more (a phone). A shorter value (an order "12", a name "Li") would
   * erase dates, amounts and common words.
   */
  private static boolean distinctive(String text) {
    long letters = text.codePoints().filter(Character::isLetter).count();
    if (letters == 0) {
      return text.replaceAll("\\D", "").length() >= MIN_DIGITS;
    }
    boolean latin = text.codePoints().filter(Character::isLetter)
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    return latin ? text.length() >= 4 : letters >= 2;
  }

  /** Only names, addresses and numbers, to be found inside texts. */
  public static PersonalData quoted(Collection<String> texts) {
    return new PersonalData(texts, Set.of());
  }

  public boolean foundIn(String text) {
    return text != null && (whole.contains(text.strip()) || quoted != null && quoted.matcher(text).find());
  }

  /** {@code text} with the personal data in it replaced by {@link #ERASED}; null stays null. */
  public String erasedFrom(String text) {
    if (!foundIn(text)) {
      return text;
    }
    return whole.contains(text.strip()) ? ERASED : quoted.matcher(text).replaceAll(ERASED);
  }
}
