package com.redress.language;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The languages Redress speaks: English and Simplified Chinese (docs/adr/0018). The tag is what
 * the setting {@code redress.language}, the {@code lang} parameter and the complaint's stored
 * language hold.
 */
public enum Language {
  EN("en", Locale.ENGLISH, "English"),
  ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE, "简体中文");

  private final String tag;
  private final Locale locale;
  private final String ownName;

  Language(String tag, Locale locale, String ownName) {
    this.tag = tag;
    this.locale = locale;
    this.ownName = ownName;
  }

  /** The language's name in itself, as a switch between languages shows it. */
  public String ownName() {
    return ownName;
  }

  public String tag() {
    return tag;
  }

  public Locale locale() {
    return locale;
  }

  /** The language of a tag as configured or stored ({@code en}, {@code zh-CN}; case and {@code _} forgiven). */
  public static Language ofTag(String tag) {
    return find(tag).orElseThrow(() -> new IllegalArgumentException(
        "'" + tag + "' is not a language Redress speaks; use one of " + tags()));
  }

  /** Like {@link #ofTag} but empty for an unknown or missing tag (a request parameter, a cookie). */
  public static Optional<Language> find(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    String normalized = tag.strip().replace('_', '-');
    return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(normalized)).findFirst();
  }

  /**
   * The language for a locale: any Chinese reads Simplified Chinese (a reader of Traditional
   * Chinese reads it better than English), any English reads English.
   */
  public static Optional<Language> of(Locale locale) {
    return switch (locale.getLanguage()) {
      case "zh" -> Optional.of(ZH_CN);
      case "en" -> Optional.of(EN);
      default -> Optional.empty();
    };
  }

  /**
   * The first language in an {@code Accept-Language} header (by its weights) that Redress speaks;
   * empty for none, a missing header or one that cannot be read.
   */
  public static Optional<Language> acceptedIn(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Optional.empty();
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(acceptLanguage);
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
    // parse() sorts by weight; "*" matches nothing in particular
    return ranges.stream().filter(range -> range.getWeight() > 0 && !range.getRange().startsWith("*"))
        .map(range -> of(Locale.forLanguageTag(range.getRange()))).flatMap(Optional::stream).findFirst();
  }

  public static String tags() {
    return Arrays.stream(values()).map(Language::tag).collect(Collectors.joining(", "));
  }
}
