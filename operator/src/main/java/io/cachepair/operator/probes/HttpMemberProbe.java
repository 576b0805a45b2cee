package io.cachepair.operator.probes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Talks to each pod's management port over plain HTTP with short timeouts, every pod at once, so a
 * reconcile waits at most one timeout whatever the number of pods. It sends the operator's bearer
 * token (scopes {@code cluster:read} for the safety endpoint, {@code cluster:admin} for the write
 * pause) when it has one.
 */
public final class HttpMemberProbe implements MemberProbe, WritePauseClient {

  /** The services' management (actuator) port on Kubernetes. */
  public static final int MANAGEMENT_PORT = 9080;

  static final String CACHEPAIR_PATH = "/actuator/cachepair";
  static final String WRITE_PAUSE_PATH = "/actuator/writepause";

  private final HttpClient http;
  private final Duration timeout;
  private final Function<MemberPod, URI> base;
  private final Supplier<Optional<String>> token;

  /**
   * @param timeout bound of one request, connect included
   * @param base the management base URI of a pod, e.g. {@code http://10.0.0.7:9080}
   */
  public HttpMemberProbe(Duration timeout, Function<MemberPod, URI> base) {
    this(timeout, base, Optional::empty);
  }

  /**
   * @param timeout bound of one request, connect included
   * @param base the management base URI of a pod, e.g. {@code http://10.0.0.7:9080}
   * @param token the bearer token to send, asked for on every request
   */
  public HttpMemberProbe(
      Duration timeout, Function<MemberPod, URI> base, Supplier<Optional<String>> token) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.timeout = timeout;
    this.base = base;
    this.token = token;
  }

  /**
   * Asks each pod on its IP and the management port.
   *
   * @param timeout bound of one request
   * @param tokenFile a file holding the bearer token (a mounted Secret, re-read on every request),
   *     or {@code null} to send none
   */
  public static HttpMemberProbe onPodIps(Duration timeout, Path tokenFile) {
    return new HttpMemberProbe(
        timeout,
        pod -> URI.create("http://" + pod.ip() + ":" + MANAGEMENT_PORT),
        () -> readToken(tokenFile));
  }

  static Optional<String> readToken(Path file) {
    if (file == null) {
      return Optional.empty();
    }
    try {
      String value = Files.readString(file).trim();
      return value.isEmpty() ? Optional.empty() : Optional.of(value);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<MemberReading> read(List<MemberPod> pods) {
    List<CompletableFuture<MemberReading>> calls = new ArrayList<>();
    for (MemberPod pod : pods) {
      if (pod.ip() == null) {
        calls.add(CompletableFuture.completedFuture(MemberReading.failed(pod, "no pod IP yet")));
        continue;
      }
      URI uri = base.apply(pod).resolve(CACHEPAIR_PATH);
      calls.add(
          http.sendAsync(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
              .handle((response, error) -> reading(pod, uri, response, error)));
    }
    List<MemberReading> readings = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      readings.add(await(calls.get(i), pods.get(i)));
    }
    return readings;
  }

  private MemberReading await(CompletableFuture<MemberReading> call, MemberPod pod) {
    try {
      return call.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return MemberReading.failed(pod, "interrupted");
    } catch (ExecutionException | TimeoutException e) {
      call.cancel(true);
      return MemberReading.failed(pod, "no answer within " + timeout.toSeconds() + "s");
    }
  }

  private static MemberReading reading(
      MemberPod pod, URI uri, HttpResponse<String> response, Throwable error) {
    if (error != null) {
      Throwable cause = error.getCause() != null ? error.getCause() : error;
      return MemberReading.failed(
          pod, cause.getClass().getSimpleName() + " on GET " + uri.getPath());
    }
    if (response.statusCode() != 200) {
      return MemberReading.failed(
          pod, "answered " + response.statusCode() + " on " + uri.getPath());
    }
    try {
      return MemberReading.of(pod, MemberReport.parse(response.body()));
    } catch (IllegalArgumentException e) {
      return MemberReading.failed(
          pod, "sent an unreadable " + uri.getPath() + ": " + e.getMessage());
    }
  }

  @Override
  public Outcome pause(MemberPod pod, String reason, Duration lease) {
    String body =
        "{\"reason\":"
            + jsonString(reason)
            + ",\"seconds\":"
            + Math.max(1, lease.toSeconds())
            + "}";
    return send(
        pod,
        request(base.apply(pod).resolve(WRITE_PAUSE_PATH))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        "write pause set for " + lease.toSeconds() + "s");
  }

  @Override
  public Outcome resume(MemberPod pod) {
    return send(
        pod,
        request(base.apply(pod).resolve(WRITE_PAUSE_PATH)).DELETE().build(),
        "write pause lifted");
  }

  private Outcome send(MemberPod pod, HttpRequest request, String success) {
    try {
      HttpResponse<String> response =
          http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
      int code = response.statusCode();
      if (code >= 200 && code < 300) {
        return new Outcome(true, success + " through " + pod.name());
      }
      return new Outcome(
          false,
          pod.name() + " answered " + code + " on " + request.method() + " " + WRITE_PAUSE_PATH);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, "interrupted");
    } catch (ExecutionException | TimeoutException e) {
      return new Outcome(
          false,
          pod.name()
              + " did not answer "
              + request.method()
              + " "
              + WRITE_PAUSE_PATH
              + " within "
              + timeout.toSeconds()
              + "s");
    }
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    token.get().ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return request;
  }

  private static String jsonString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
