package io.cachepair.systemtest.load;

import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A client that places orders at a steady rate against a set of order replicas, the way a client
 * behind a load balancer would: each order goes to the next replica, and when one does not answer
 * (it is down or shutting down) the same order, with the same Idempotency-Key, is retried on
 * another. Every order also reads a dish from the menu view of the replica it used.
 *
 * <p>Open loop: a pacer issues each order on time and a pool of workers sends it, so a slow answer
 * (a replica under load, a retry on another) never delays the next order. Bounded in count (rate ×
 * duration); it stops by itself.
 */
public final class OrderLoad {

  /** An order that was acknowledged with 201 (or 200 for an idempotent replay). */
  public record Placed(String orderId, ServiceProcess replica, String idempotencyKey) {}

  /** An order or menu read that failed after every retry. */
  public record Failure(String what, String reason) {}

  private final List<ServiceProcess> replicas;
  private final Supplier<Map<String, Object>> orderBody;
  private final String menuReadPath;
  private final List<Placed> placed = new CopyOnWriteArrayList<>();
  private final List<Failure> failures = new CopyOnWriteArrayList<>();
  private final AtomicInteger menuReads = new AtomicInteger();
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicLong issued = new AtomicLong();
  private volatile long limit = Long.MAX_VALUE;

  /**
   * Creates the load.
   *
   * @param replicas the order replicas to spread the orders over
   * @param orderBody makes the body of each order
   * @param menuReadPath the menu path read with every order, e.g. {@code /api/menu/spicy-tuna-roll}
   */
  public OrderLoad(
      List<ServiceProcess> replicas, Supplier<Map<String, Object>> orderBody, String menuReadPath) {
    this.replicas = List.copyOf(replicas);
    this.orderBody = orderBody;
    this.menuReadPath = menuReadPath;
  }

  private ScheduledExecutorService pacer;
  private ExecutorService workers;
  private final CountDownLatch allIssued = new CountDownLatch(1);

  /**
   * Starts placing orders at a fixed rate in the background, for at most {@code maxDuration}.
   *
   * @param perSecond orders per second
   * @param maxDuration when to stop at the latest
   * @return this load
   */
  public synchronized OrderLoad start(int perSecond, Duration maxDuration) {
    pacer = new ScheduledThreadPoolExecutor(1);
    workers = Executors.newFixedThreadPool(16);
    long periodMicros = 1_000_000L / perSecond;
    // exactly rate x duration orders, counted rather than timed: a tick that lands on the end is
    // not one more (a 20 s run at 50/s once placed 1001), and late ticks on a loaded machine are
    // caught up, not dropped (with the orders sent on the pacer's thread one run placed 910)
    limit = perSecond * maxDuration.toMillis() / 1000;
    pacer.scheduleAtFixedRate(this::issueOne, 0, periodMicros, TimeUnit.MICROSECONDS);
    return this;
  }

  private void issueOne() {
    long n = issued.incrementAndGet();
    if (n > limit) {
      return;
    }
    workers.execute(this::placeOne);
    if (n == limit) {
      allIssued.countDown();
      pacer.shutdown();
    }
  }

  /**
   * Stops issuing orders and waits for those in flight.
   *
   * @return this load, with its results
   */
  public synchronized OrderLoad stop() {
    pacer.shutdown();
    try {
      pacer.awaitTermination(1, TimeUnit.MINUTES);
      workers.shutdown();
      if (!workers.awaitTermination(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("orders still in flight after 2 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return this;
  }

  /**
   * Places orders at a fixed rate for a duration and runs an action in the middle.
   *
   * @param perSecond orders per second
   * @param duration how long
   * @param during what to do (e.g. a kill -9), on this thread, once {@code at} has passed
   * @param at when to run {@code during}
   * @return this load, with its results
   */
  public OrderLoad run(int perSecond, Duration duration, Runnable during, Duration at) {
    long started = System.nanoTime();
    start(perSecond, duration);
    pauseUntil(started + at.toNanos());
    during.run();
    pauseUntil(started + duration.toNanos());
    try {
      if (!allIssued.await(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException(
            "issued " + issued.get() + " of " + limit + " orders a minute after the duration");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return stop();
  }

  private static void pauseUntil(long nanoTime) {
    long millis = (nanoTime - System.nanoTime()) / 1_000_000;
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private void placeOne() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = orderBody.get();
    String lastReason = "no replica";
    int start = Math.floorMod(next.getAndIncrement(), replicas.size());
    for (int attempt = 0; attempt < replicas.size() * 3; attempt++) {
      ServiceProcess replica = replicas.get((start + attempt) % replicas.size());
      try {
        HttpResult menu = replica.http().get(menuReadPath);
        if (menu.status() != 200) {
          lastReason = replica.name() + " menu read " + menu.status() + " " + menu.body();
          continue;
        }
        menuReads.incrementAndGet();
        HttpResult r = replica.http().post("/api/orders", body, Map.of("Idempotency-Key", key));
        if (r.status() == 201 || r.status() == 200) {
          placed.add(new Placed(r.json().get("id").asText(), replica, key));
          return;
        }
        lastReason = replica.name() + " answered " + r.status() + " " + r.body();
        if (r.status() < 500) {
          break;
        }
      } catch (RuntimeException e) {
        // not answering (down, or refusing connections while shutting down): try the next one
        lastReason = replica.name() + ": " + e.getMessage();
      }
    }
    failures.add(new Failure("order " + key, lastReason));
  }

  /** Orders acknowledged. */
  public List<Placed> placed() {
    return new ArrayList<>(placed);
  }

  /** Orders that failed on every replica. */
  public List<Failure> failures() {
    return new ArrayList<>(failures);
  }

  /** Menu reads that succeeded. */
  public int menuReads() {
    return menuReads.get();
  }

  /** Orders that were acknowledged but cannot be read back from the replica that took them. */
  public List<Placed> lost() {
    List<Placed> lost = new ArrayList<>();
    for (Placed p : placed) {
      HttpResult r = p.replica().http().get("/api/orders/" + p.orderId());
      if (r.status() != 200) {
        lost.add(p);
      }
    }
    return lost;
  }
}
