package com.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The staff sign-in page starts a session whose cookie scripts cannot read and other sites cannot send. */
class StaffSessionCookieTest extends ApplicationTest {

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteAndThePageCannotBeFramedOrSniffed() {
    HttpResponse<String> login = new Http(port).get("/audit/login", "text/html");

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
        .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }
}
