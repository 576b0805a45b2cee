package io.cachepair.bench.throughput;

import io.cachepair.bench.report.Latencies;
import io.cachepair.testsupport.tokens.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A closed-loop load generator: {@code concurrency} threads each send {@code POST /api/orders} with
 * three random dishes and a fresh Idempotency-Key, back to back, until a time or count bound.
 */
public final class LoadGenerator {

  /**
   * What one level produced.
   *
   * @param ok orders answered 201
   * @param failed other answers and errors
   * @param seconds how long the level ran
   * @param latencies latencies of the 201s
   */
  public record Outcome(int ok, int failed, double seconds, Latencies.Summary latencies) {

    /** Orders per second. */
    public double throughput() {
      return ok / seconds;
    }
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  /** Customers the load orders as, each with its token (orders belong to the token's subject). */
  private static final int CUSTOMERS = 50;

  private static final String[] TOKENS = new String[CUSTOMERS];

  static {
    for (int i = 0; i < CUSTOMERS; i++) {
      TOKENS[i] = TestTokens.shared().token("c-" + i);
    }
  }

  private LoadGenerator() {}

  /**
   * Runs one level.
   *
   * @param baseUrl e.g. {@code http://127.0.0.1:41234}
   * @param concurrency parallel clients
   * @param duration the time bound
   * @param maxRequests the count bound
   * @param dishes dish ids to draw from (by index)
   * @param dishCount how many ids there are
   * @return what it produced
   */
  public static Outcome run(
      String baseUrl,
      int concurrency,
      Duration duration,
      int maxRequests,
      IntFunction<String> dishes,
      int dishCount)
      throws InterruptedException {
    Latencies latencies = new Latencies();
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    URI uri = URI.create(baseUrl + "/api/orders");
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      Thread thread =
          new Thread(
              () -> {
                while (System.nanoTime() < deadline && sent.incrementAndGet() <= maxRequests) {
                  int customer = ThreadLocalRandom.current().nextInt(CUSTOMERS);
                  HttpRequest request =
                      HttpRequest.newBuilder(uri)
                          .timeout(Duration.ofSeconds(30))
                          .header("Content-Type", "application/json")
                          .header("Authorization", "Bearer " + TOKENS[customer])
                          .header("Idempotency-Key", UUID.randomUUID().toString())
                          .POST(
                              HttpRequest.BodyPublishers.ofString(
                                  body(customer, dishes, dishCount)))
                          .build();
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<String> r =
                        CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 201) {
                      latencies.add(System.nanoTime() - t0);
                    } else {
                      failed.incrementAndGet();
                    }
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                }
              },
              "load-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Outcome(latencies.count(), failed.get(), seconds, latencies.summary());
  }

  private static String body(int customer, IntFunction<String> dishes, int dishCount) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int a = random.nextInt(dishCount);
    int b = (a + 1 + random.nextInt(dishCount - 1)) % dishCount;
    int c = (b + 1 + random.nextInt(dishCount - 1)) % dishCount;
    if (c == a) {
      c = (c + 1) % dishCount;
    }
    return "{\"customerId\":\"c-"
        + customer
        + "\",\"items\":[{\"dishId\":\""
        + dishes.apply(a)
        + "\",\"quantity\":1},{\"dishId\":\""
        + dishes.apply(b)
        + "\",\"quantity\":2},{\"dishId\":\""
        + dishes.apply(c)
        + "\",\"quantity\":1}]}";
  }
}
