package com.redress.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member of staff's browser on the staff pages, without a browser: a session cookie, the pages'
 * CSRF tokens, redirects not followed (a test looks at where they lead).
 */
public final class StaffSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final int port;

  public StaffSession(int port) {
    this.port = port;
  }

  /** Signs in through the sign-in form; the session then carries the user. */
  public HttpResponse<String> signIn(String user, String password) {
    String loginToken = token(get("/staff/login"));
    return post("/staff/login", "username=" + user + "&password=" + password + "&_csrf=" + encode(loginToken));
  }

  /** Posts the form of {@code page} to {@code action}, as the page's button does: with the page's token. */
  public HttpResponse<String> submit(String page, String action) {
    return post(action, "_csrf=" + encode(token(get(page))));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  public HttpResponse<String> post(String path, String form) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  public static String token(HttpResponse<String> page) {
    Matcher matcher = CSRF.matcher(page.body());
    assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
    return matcher.group(1);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return browser.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
