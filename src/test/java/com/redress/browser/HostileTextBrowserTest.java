package com.redress.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.redress.identity.Groups;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.Submissions;
import com.redress.support.TestUsers;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Script a customer types into a complaint runs nowhere: Chromium shows it as text on the
 * customer's status page and on the auditor's complaint page, and no script of it executes.
 */
class HostileTextBrowserTest extends BrowserTest {

  private static final String PAYLOAD = "<script>alert('subject')</script><img src=x onerror=alert('img')> 花瓶";

  @Test
  void scriptInAComplaintIsShownAsTextAndNeverRuns() throws IOException {
    String auditor = TestUsers.ensure(engine.getIdentityService(), "browser-hostile-auditor", Groups.AUDITORS);
    String handler = TestUsers.ensure(engine.getIdentityService(), "browser-hostile-handler", Groups.TEAM_LOGISTICS);
    HttpResponse<String> created = http.postJson("/api/complaints", Submissions.valid("DAMAGE", "STANDARD")
        .replace("Vase broken during cleaning", PAYLOAD.replace("\"", "\\\"")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = Http.json(created).get("reference").asText();
    String token = Http.json(created).get("accessToken").asText();
    Jobs.continueAfterRegistration(engine, reference);
    Handling.resolve(engine, reference, handler);

    browser.get("http://localhost:" + port + "/complaints/" + reference + "?token="
        + URLEncoder.encode(token, StandardCharsets.UTF_8));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), PAYLOAD));
    assertNoScriptRan();
    screenshot("customer-status-with-script-as-text");

    browser.get("http://localhost:" + port + "/audit/complaints/" + reference);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(auditor);
    browser.findElement(By.name("password")).sendKeys(TestUsers.PASSWORD);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), reference));
    assertNoScriptRan();
  }

  private void assertNoScriptRan() {
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(browser.findElements(By.cssSelector("main img[src='x']"))).as("injected element").isEmpty();
  }
}
