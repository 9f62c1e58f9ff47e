package com.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.support.ApplicationTest;
import com.redress.support.StaffSession;
import com.redress.support.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A signed-in auditor's browser session cannot be made to post to a staff page by another site:
 * a state-changing request without the page's CSRF token is refused, the same request from
 * Redress's own form goes through.
 */
class StaffCsrfTest extends ApplicationTest {

  @Test
  void aPostWithoutThePagesTokenIsRefused() {
    String auditor = TestUsers.ensure(engine.getIdentityService(), "csrf-auditor", Groups.AUDITORS);
    StaffSession browser = new StaffSession(port);
    HttpResponse<String> login = browser.signIn(auditor, TestUsers.PASSWORD);
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

    assertThat(browser.post("/audit/integrity", "").statusCode()).as("forged: no token").isEqualTo(403);
    assertThat(browser.post("/audit/integrity", "_csrf=forged").statusCode()).as("forged: a guessed token")
        .isEqualTo(403);

    String pageToken = StaffSession.token(browser.get("/audit/integrity"));
    HttpResponse<String> own = browser.post("/audit/integrity",
        "_csrf=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).as("the check ran").contains("id=\"integrity-result\"");
  }
}
