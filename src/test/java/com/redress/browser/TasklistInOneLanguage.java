package com.redress.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.identity.Groups;
import com.redress.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Tasklist in the language of the browser (issue 20): Camunda's own screens, from the sign-in on,
 * in Chinese for a browser set to it and in English for any other.
 */
abstract class TasklistInOneLanguage extends BrowserTest {

  /** The sign-in button, the user name field's placeholder, the hint before a task is chosen, the start button. */
  record Texts(String signIn, String userName, String selectTask, String startProcess) {
  }

  abstract Texts expected();

  abstract Texts otherLanguage();

  @Test
  void signInAndTheTaskListSpeakTheBrowsersLanguage() {
    String handler = TestUsers.ensure(engine.getIdentityService(), "language-browser-handler", Groups.TEAM_LOGISTICS);
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button[type='submit']")));
    wait.until(d -> d.findElement(By.cssSelector("button[type='submit']")).getText().equals(expected().signIn()));
    assertThat(browser.findElement(By.cssSelector("form input[type='text']")).getAttribute("placeholder"))
        .isEqualTo(expected().userName());

    logIn(handler);

    wait.until(d -> d.getPageSource().contains(expected().selectTask()));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains(expected().startProcess())
        .doesNotContain(otherLanguage().selectTask());
  }
}
