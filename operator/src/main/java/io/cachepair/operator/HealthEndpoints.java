package io.cachepair.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.RuntimeInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /healthz} and {@code /readyz} for the operator's own probes and {@code /metrics} for
 * Prometheus, on the JDK's HTTP server so the operator needs no web framework.
 */
public final class HealthEndpoints implements AutoCloseable {

  private final HttpServer server;

  private HealthEndpoints(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts the endpoints: live while the informers of a started operator are healthy (a standby
   * replica without the lease is live too), ready once the operator started.
   */
  public static HealthEndpoints start(int port, RuntimeInfo runtime, Supplier<String> metrics)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] body = metrics.get().getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/healthz",
        exchange ->
            respond(exchange, () -> !runtime.isStarted() || runtime.allEventSourcesAreHealthy()));
    server.createContext("/readyz", exchange -> respond(exchange, runtime::isStarted));
    server.start();
    return new HealthEndpoints(server);
  }

  private static void respond(HttpExchange exchange, BooleanSupplier check) throws IOException {
    boolean ok;
    try {
      ok = check.getAsBoolean();
    } catch (RuntimeException e) {
      ok = false;
    }
    byte[] body = (ok ? "ok" : "unavailable").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** The port the endpoints listen on (the given one, or the one picked for port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
