package io.cachepair.testsupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A small JSON-over-HTTP client for one service's API (or management) port on 127.0.0.1 (or on a
 * test host's address), sending a bearer token when it has one.
 */
public final class ServiceHttp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String base;
  private final String token;

  /**
   * Creates a client for one service, without a token.
   *
   * @param port the service's port on 127.0.0.1
   */
  public ServiceHttp(int port) {
    this("127.0.0.1", port);
  }

  /**
   * Creates a client for one service on another address, without a token.
   *
   * @param host the address, e.g. a test host's service address
   * @param port the service's port there
   */
  public ServiceHttp(String host, int port) {
    this("http://" + host + ":" + port, null);
  }

  private ServiceHttp(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The same service with {@code token} as the bearer token of every request. */
  public ServiceHttp withToken(String token) {
    return new ServiceHttp(base, token);
  }

  /** The same service without a token. */
  public ServiceHttp anonymous() {
    return new ServiceHttp(base, null);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String base() {
    return base;
  }

  /** GET a path. */
  public HttpResult get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
  }

  /** POST a JSON body (a string, or any object Jackson can write) to a path. */
  public HttpResult post(String path, Object body) {
    return post(path, body, Map.of());
  }

  /** POST a JSON body with extra headers. */
  public HttpResult post(String path, Object body, Map<String, String> headers) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(asJson(body))),
        headers);
  }

  /** PUT a JSON body with extra headers. */
  public HttpResult put(String path, Object body, Map<String, String> headers) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .PUT(HttpRequest.BodyPublishers.ofString(asJson(body))),
        headers);
  }

  /** DELETE a path. */
  public HttpResult delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), Map.of());
  }

  /** Sends a request built elsewhere (any method, any headers), with this client's token. */
  public HttpResult send(HttpRequest.Builder request) {
    return send(request, Map.of());
  }

  /** PATCH, HEAD or any other method with a raw body. */
  public HttpResult request(String method, String path, String body, Map<String, String> headers) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  private HttpResult send(HttpRequest.Builder request, Map<String, String> headers) {
    request.timeout(Duration.ofSeconds(30));
    if (!headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    if (token != null && !headers.containsKey("Authorization")) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new HttpResult(
          response.statusCode(), parse(response.body()), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException("request to " + base + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String asJson(Object body) {
    if (body instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
