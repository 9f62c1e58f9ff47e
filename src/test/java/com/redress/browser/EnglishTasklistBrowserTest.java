package com.redress.browser;

/** Tasklist for a browser set to English (or any language Redress does not offer): Camunda's screens in English. */
class EnglishTasklistBrowserTest extends TasklistInOneLanguage {

  static final Texts ENGLISH = new Texts("Log in", "Username", "Select a task in the list.", "Start process");

  @Override
  Texts expected() {
    return ENGLISH;
  }

  @Override
  Texts otherLanguage() {
    return ChineseTasklistBrowserTest.CHINESE;
  }
}
