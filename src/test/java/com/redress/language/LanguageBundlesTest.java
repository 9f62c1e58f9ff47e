package com.redress.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text Redress shows customers and API callers exists in Chinese, with the same
 * placeholders as its English: a missing one would fall back to English in the middle of a Chinese
 * page or e-mail.
 */
class LanguageBundlesTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

  /** The bundles of spring.messages.basename: customer pages and e-mails, staff pages, the demo story. */
  @ParameterizedTest
  @ValueSource(strings = {"messages", "staff", "demo"})
  void everyEnglishTextHasItsChineseWithTheSamePlaceholders(String bundle) throws IOException {
    Properties english = load(bundle + ".properties");
    Properties chinese = load(bundle + "_zh_CN.properties");
    for (String key : english.stringPropertyNames()) {
      assertThat(chinese.getProperty(key)).as("the Chinese of %s", key).isNotNull();
      assertThat(placeholders(chinese.getProperty(key))).as("the placeholders of %s", key)
          .isEqualTo(placeholders(english.getProperty(key)));
    }
    assertThat(chinese.stringPropertyNames().stream().filter(key -> !key.startsWith(Phrases.PREFIX)))
        .as("no Chinese text without its English").allMatch(english::containsKey);
  }

  @Test
  void everyPhraseHasItsChineseWithTheSamePlaceholders() throws IOException {
    Properties chinese = load("messages_zh_CN.properties");
    for (Phrase phrase : Phrase.values()) {
      String text = chinese.getProperty(Phrases.PREFIX + phrase.name());
      assertThat(text).as("the Chinese of %s", phrase).isNotBlank();
      assertThat(placeholders(text)).as("the placeholders of %s", phrase).isEqualTo(placeholders(phrase.english()));
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(
        LanguageBundlesTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
