package com.redress.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A real HTTP client against the running test server; no MockMvc shortcuts. */
public final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final String baseUrl;
  private final String authorization;
  private final Duration timeout;

  public Http(int port) {
    this("http://localhost:" + port, null, DEFAULT_TIMEOUT);
  }

  private Http(String baseUrl, String authorization, Duration timeout) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    this.timeout = timeout;
  }

  public Http as(String user, String password) {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Http(baseUrl, "Basic " + basic, timeout);
  }

  /** The same client waiting up to {@code timeout} for an answer (60 s otherwise). */
  public Http withTimeout(Duration timeout) {
    return new Http(baseUrl, authorization, timeout);
  }

  public HttpResponse<String> get(String path) {
    return get(path, "application/json");
  }

  /** A GET accepting {@code accept}, with more headers as name, value pairs (e.g. {@code Accept-Language}). */
  public HttpResponse<String> get(String path, String accept, String... headers) {
    HttpRequest.Builder builder = request(path).GET().header("Accept", accept);
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder.build());
  }

  public HttpResponse<String> postJson(String path, String body, String... headers) {
    return post(path, "application/json", body, headers);
  }

  public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
    HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", contentType).header("Accept", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder.build());
  }

  public HttpResponse<String> put(String path, String json) {
    return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json").header("Accept", "application/json").build());
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE().header("Accept", "application/json").build());
  }

  /** Any method, with a body of the given type (or none when {@code body} is null). */
  public HttpResponse<String> call(String method, String path, String contentType, String body) {
    HttpRequest.Builder builder = request(path).header("Accept", "application/json").method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.build());
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private static HttpResponse<String> send(HttpRequest request) {
    return send(CLIENT, request);
  }

  /** Sends with {@code client} (its own cookies or redirects), the answer read as UTF-8 text. */
  public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
