package com.redress.shared;

import com.redress.language.InstallationLanguage;
import com.redress.language.Phrases;
import com.redress.language.Wording;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Refusals as staff read them, on their pages and in Tasklist: in the installation's language (the
 * API's follow each caller's).
 */
@Component
public class StaffRefusals {

  private final Phrases phrases;
  private final Locale locale;

  StaffRefusals(Phrases phrases, InstallationLanguage installation) {
    this.phrases = phrases;
    this.locale = installation.get().locale();
  }

  public String say(Wording wording) {
    return phrases.say(wording, locale);
  }

  public List<FieldProblem> said(List<FieldProblem> problems) {
    return problems.stream().map(p -> p.in(phrases, locale)).toList();
  }

  public String said(Refusal refusal) {
    return refusal.messageIn(phrases, locale);
  }
}
