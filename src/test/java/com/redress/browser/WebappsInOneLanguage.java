package com.redress.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.identity.Groups;
import com.redress.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda's webapps in the language of the browser (issue 20): Tasklist from the sign-in on, and
 * Cockpit's dashboard, in Chinese for a browser set to it and in English for any other.
 */
abstract class WebappsInOneLanguage extends BrowserTest {

  /**
   * Tasklist's sign-in button, user name field's placeholder, hint before a task is chosen and start
   * button; Cockpit's running instances on the dashboard and its processes menu.
   */
  record Texts(String signIn, String userName, String selectTask, String startProcess, String runningInstances,
      String processes) {
  }

  abstract Texts expected();

  abstract Texts otherLanguage();

  @Test
  void tasklistFromItsSignInAndCockpitsDashboardSpeakTheBrowsersLanguage() {
    String auditor = TestUsers.ensure(engine.getIdentityService(), "language-browser-auditor", Groups.AUDITORS);
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button[type='submit']")));
    wait.until(d -> d.findElement(By.cssSelector("button[type='submit']")).getText().equals(expected().signIn()));
    assertThat(browser.findElement(By.cssSelector("form input[type='text']")).getAttribute("placeholder"))
        .isEqualTo(expected().userName());

    logIn(auditor);

    wait.until(d -> d.getPageSource().contains(expected().selectTask()));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains(expected().startProcess())
        .doesNotContain(otherLanguage().selectTask());

    // the same session in Cockpit
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), expected().runningInstances()));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains(expected().processes())
        .doesNotContain(otherLanguage().runningInstances())
        .as("an untranslated text shows in English, never as its key").doesNotContainPattern("\\b[A-Z]+(_[A-Z]+){2,}\\b");
  }
}
