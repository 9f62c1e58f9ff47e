package com.redress.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A user signed in to Tasklist the way the browser is: session cookie and XSRF token, calling
 * the webapp's own engine API ({@code /camunda/api/engine/engine/default/...}) that Tasklist's
 * buttons call.
 */
public final class TasklistSession {

  private static final String ENGINE_API = "/camunda/api/engine/engine/default";

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  private TasklistSession(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Signs {@code user} in; fails when Tasklist refuses. */
  public static TasklistSession signIn(int port, String user, String password) {
    return signIn(port, "tasklist", user, password);
  }

  /** Signs {@code user} in to one of the webapps ({@code tasklist}, {@code cockpit}, {@code admin}); fails when it refuses. */
  public static TasklistSession signIn(int port, String app, String user, String password) {
    TasklistSession session = new TasklistSession(port);
    HttpResponse<String> login = session.send(session.request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password))));
    if (login.statusCode() != 200) {
      throw new AssertionError("Tasklist refused " + user + ": " + login.statusCode() + " " + login.body());
    }
    return session;
  }

  /** POST to Tasklist's engine API, e.g. {@code /task/{id}/submit-form}. */
  public HttpResponse<String> post(String enginePath, String json) {
    return send(request(ENGINE_API + enginePath).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> get(String enginePath) {
    return send(request(ENGINE_API + enginePath).GET());
  }

  /** A call of the webapps' own API by its whole path ({@code /camunda/api/...}): {@code json} null for a GET. */
  public HttpResponse<String> call(String path, String json) {
    HttpRequest.Builder request = request(path);
    return send(json == null ? request.GET()
        : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
    // the token cookie changes with the session (at sign-in): ask for the current one each time
    send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/")).GET());
    return builder.header("X-XSRF-TOKEN", xsrfToken());
  }

  private String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
        .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("Tasklist set no XSRF-TOKEN"));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return Http.send(client, request.build());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
