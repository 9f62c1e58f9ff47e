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
  private final InstallationLanguage installation;

  InstallationTexts(MessageSource messages, InstallationLanguage installation) {
    this.messages = messages;
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
}
