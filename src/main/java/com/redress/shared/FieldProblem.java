package com.redress.shared;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.redress.language.Phrase;
import com.redress.language.Phrases;
import com.redress.language.Wording;
import java.util.Locale;

/**
 * One bad field of a request, named by its JSON path (e.g. {@code customer.email}). A problem a
 * customer can meet carries its {@link Wording}, so that it is told in the customer's language; the
 * field's name stays as it is.
 */
public record FieldProblem(String field, String message, @JsonIgnore Wording wording) {

  /** A problem told in English only (staff's and analysts' calls). */
  public FieldProblem(String field, String message) {
    this(field, message, null);
  }

  public static FieldProblem of(String field, Phrase phrase, Object... arguments) {
    Wording wording = phrase.with(arguments);
    return new FieldProblem(field, wording.english(), wording);
  }

  /** This problem in {@code locale}'s language, where it has one. */
  public FieldProblem in(Phrases phrases, Locale locale) {
    return wording == null ? this : new FieldProblem(field, phrases.say(wording, locale), wording);
  }
}
