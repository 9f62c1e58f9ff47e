package com.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the browser is told to enforce: a staff session cookie scripts cannot read and other sites
 * cannot send; Redress's pages run scripts from their own origin only, cannot be framed or sniffed;
 * the webapps keep Camunda's own policy.
 */
class SecurityHeadersTest extends ApplicationTest {

  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteAndThePageCannotBeFramedOrSniffed() {
    HttpResponse<String> login = new Http(port).get("/staff/login", "text/html");

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
        .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void redressPagesAllowNoInlineOrForeignScripts() {
    String manager = TestUsers.ensure(engine.getIdentityService(), "headers-manager", Groups.SERVICE_MANAGERS);
    Http asManager = new Http(port).as(manager, TestUsers.PASSWORD);

    for (HttpResponse<String> page : new HttpResponse[] {
        new Http(port).get("/complaints/new", "text/html"),
        new Http(port).get("/staff/login", "text/html"),
        asManager.get("/reports/kpis?from=2026-01-01&to=2026-01-31", "text/html")}) {
      assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy")).as(page.uri().toString())
          .hasValue(SecurityConfig.PAGES_CONTENT_SECURITY_POLICY);
      assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as("inline script in " + page.uri()).isFalse();
    }
    assertThat(SecurityConfig.PAGES_CONTENT_SECURITY_POLICY).contains("script-src 'self';")
        .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");

    HttpResponse<String> tasklist = new Http(port).get("/camunda/app/tasklist/", "text/html");
    assertThat(tasklist.headers().allValues("Content-Security-Policy")).singleElement().asString()
        .isNotEqualTo(SecurityConfig.PAGES_CONTENT_SECURITY_POLICY);
  }
}
