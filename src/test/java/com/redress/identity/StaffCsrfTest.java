package com.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.support.ApplicationTest;
import com.redress.support.TestUsers;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A signed-in auditor's browser session cannot be made to post to a staff page by another site:
 * a state-changing request without the page's CSRF token is refused, the same request from
 * Redress's own form goes through.
 */
class StaffCsrfTest extends ApplicationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void aPostWithoutThePagesTokenIsRefused() throws Exception {
    String auditor = TestUsers.ensure(engine.getIdentityService(), "csrf-auditor", Groups.AUDITORS);
    String loginToken = token(get("/staff/login"));
    HttpResponse<String> login = post("/staff/login", "username=" + auditor + "&password=" + TestUsers.PASSWORD
        + "&_csrf=" + URLEncoder.encode(loginToken, StandardCharsets.UTF_8));
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

    assertThat(post("/audit/integrity", "").statusCode()).as("forged: no token").isEqualTo(403);
    assertThat(post("/audit/integrity", "_csrf=forged").statusCode()).as("forged: a guessed token").isEqualTo(403);

    String pageToken = token(get("/audit/integrity"));
    HttpResponse<String> own = post("/audit/integrity", "_csrf=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).as("the check ran").contains("id=\"integrity-result\"");
  }

  private static String token(HttpResponse<String> page) {
    Matcher matcher = CSRF.matcher(page.body());
    assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
