package com.redress.language;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's language, {@code redress.language} ({@code en} or {@code zh-CN}): staff
 * pages and staff e-mails speak it, and customers who ask for no language Redress speaks.
 */
@Component
public class InstallationLanguage {

  private final Language language;

  public InstallationLanguage(@Value("${redress.language}") String tag) {
    this.language = Language.ofTag(tag);
  }

  public Language get() {
    return language;
  }
}
