package com.redress.language;

import java.util.Arrays;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The message bundles' texts in the installation's language: what staff read (their pages and
 * e-mails, their groups' names) and the demo story's words.
 */
@Component
public class InstallationTexts {

  private final MessageSource messages;
  private final Phrases phrases;
  private final InstallationLanguage installation;

  InstallationTexts(MessageSource messages, Phrases phrases, InstallationLanguage installation) {
    this.messages = messages;
    this.phrases = phrases;
    this.installation = installation;
  }

  public Language language() {
    return installation.get();
  }

  /** The text of {@code key}; arguments as text, since MessageFormat would group numbers ("12,345"). */
  public String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments.length == 0 ? null : Arrays.stream(arguments).map(String::valueOf)
        .toArray(), installation.get().locale());
  }

  /** The text of {@code key} without arguments, or {@code otherwise} where there is none. */
  public String textOr(String key, String otherwise) {
    return messages.getMessage(key, null, otherwise, installation.get().locale());
  }

  /** A refusal's words as staff read them. */
  public String say(Wording wording) {
    return phrases.say(wording, installation.get().locale());
  }
}
