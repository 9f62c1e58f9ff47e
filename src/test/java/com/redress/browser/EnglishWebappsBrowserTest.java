package com.redress.browser;

/** Camunda's webapps for a browser set to English (or any language Redress does not offer): in English. */
class EnglishWebappsBrowserTest extends WebappsInOneLanguage {

  static final Texts ENGLISH = new Texts("Log in", "Username", "Select a task in the list.", "Start process", "Running Process Instances", "Processes");

  @Override
  Texts expected() {
    return ENGLISH;
  }

  @Override
  Texts otherLanguage() {
    return ChineseWebappsBrowserTest.CHINESE;
  }
}
