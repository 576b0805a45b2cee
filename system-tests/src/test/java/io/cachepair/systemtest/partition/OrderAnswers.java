package io.cachepair.systemtest.partition;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.systemtest.history.OrderedLine;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Orders sent straight to each order replica (no load balancer, no retry elsewhere: what each
 * replica answers is the point), one client thread per replica at a fixed pace, every answer kept.
 * Bounded: it stops when told, or after five minutes.
 */
public final class OrderAnswers {

  /**
   * One answer.
   *
   * @param replica the replica asked
   * @param dishId the dish ordered
   * @param sentNanos when it was sent
   * @param endNanos when the answer (or failure) came
   * @param status the HTTP status, or -1 without an answer
   * @param type the problem type's last segment, or empty
   * @param staleness the {@code Cachepair-Replica-Staleness} header, or empty
   * @param lines the order's lines when placed
   */
  public record Answer(
      String replica,
      String dishId,
      long sentNanos,
      long endNanos,
      int status,
      String type,
      String staleness,
      List<OrderedLine> lines) {

    public boolean placed() {
      return status == 201;
    }
  }

  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  /**
   * Starts one client per replica.
   *
   * @param replicas the order replicas
   * @param dish picks the dish of the next order
   * @param pauseMillis the pause between two orders of one client
   */
  public OrderAnswers start(
      List<ServiceProcess> replicas, Supplier<String> dish, long pauseMillis) {
    running = true;
    long stopAt = System.nanoTime() + 300_000_000_000L;
    for (ServiceProcess replica : replicas) {
      Thread t =
          new Thread(
              () -> {
                while (running && System.nanoTime() < stopAt) {
                  answers.add(order(replica, dish.get()));
                  LockSupport.parkNanos(pauseMillis * 1_000_000);
                }
              },
              "orders-" + replica.name());
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    return this;
  }

  private static Answer order(ServiceProcess replica, String dishId) {
    // the customer is the token's subject (ServiceProcess.CUSTOMER)
    Map<String, Object> body = Map.of("items", List.of(Map.of("dishId", dishId, "quantity", 1)));
    long sent = System.nanoTime();
    try {
      HttpResult r =
          replica
              .http()
              .post("/api/orders", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
      List<OrderedLine> lines = new ArrayList<>();
      String type = "";
      if (r.status() == 201) {
        for (JsonNode line : r.json().get("items")) {
          lines.add(
              new OrderedLine(
                  r.json().get("id").asText(),
                  replica.name(),
                  line.get("dishId").asText(),
                  line.get("dishVersion").asLong(),
                  line.get("unitPriceCents").asLong()));
        }
      } else if (r.json() != null) {
        String t = r.json().path("type").asText("");
        type = t.substring(t.lastIndexOf('/') + 1);
      }
      return new Answer(
          replica.name(),
          dishId,
          sent,
          System.nanoTime(),
          r.status(),
          type,
          r.headers().firstValue("Cachepair-Replica-Staleness").orElse(""),
          lines);
    } catch (RuntimeException e) {
      return new Answer(replica.name(), dishId, sent, System.nanoTime(), -1, "", "", List.of());
    }
  }

  /** Stops the clients and waits for their last answers. */
  public List<Answer> stop() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(60_000);
    }
    return List.copyOf(answers);
  }
}
