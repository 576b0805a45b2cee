package io.cachepair.testsupport.tokens;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An identity provider's key endpoint on 127.0.0.1 (or another address of this machine): serves a
 * {@link TestTokens} key set at {@code /jwks.json} and counts the fetches. {@link #shared()} serves
 * every service of the test JVM (the production path: {@code jwk-set-uri}); a test that plays an
 * outage starts one of its own and {@link #stop()}s it.
 */
public final class JwksServer implements AutoCloseable {

  private static final Object LOCK = new Object();
  private static volatile JwksServer shared;

  private final HttpServer server;
  private final AtomicInteger fetches = new AtomicInteger();

  private JwksServer(TestTokens tokens, InetAddress address) {
    try {
      server = HttpServer.create(new InetSocketAddress(address, 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = tokens.jwks().getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/jwks.json",
        exchange -> {
          fetches.incrementAndGet();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** The key server of this test JVM for {@link TestTokens#shared()}, started on first use. */
  public static JwksServer shared() {
    JwksServer s = shared;
    if (s == null) {
      synchronized (LOCK) {
        s = shared;
        if (s == null) {
          s = new JwksServer(TestTokens.shared(), InetAddress.getLoopbackAddress());
          shared = s;
        }
      }
    }
    return s;
  }

  /** A key server of its own (to stop it), serving {@code tokens}' key. */
  public static JwksServer start(TestTokens tokens) {
    return new JwksServer(tokens, InetAddress.getLoopbackAddress());
  }

  /**
   * A key server of its own on another address of this machine, serving {@code tokens}' key: for
   * services in test hosts ({@code netns.TestNetwork}), whose 127.0.0.1 is their own.
   *
   * @param tokens whose key to serve
   * @param address an address of this machine, e.g. a test network's service gateway
   * @return the running server
   */
  public static JwksServer startOn(TestTokens tokens, String address) {
    try {
      return new JwksServer(tokens, InetAddress.getByName(address));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key set URL, for {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}. */
  public String uri() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort()
        + "/jwks.json";
  }

  /** How often the key set was fetched. */
  public int fetches() {
    return fetches.get();
  }

  /** Stops serving: the identity provider is down. */
  public void stop() {
    server.stop(0);
  }

  @Override
  public void close() {
    stop();
  }
}
