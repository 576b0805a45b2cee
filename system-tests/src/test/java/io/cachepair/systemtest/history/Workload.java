package io.cachepair.systemtest.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The mixed, concurrent traffic of the history check: writers that PUT (with and without {@code
 * If-Match}), POST and DELETE a few hot dishes on any menu, order clients that order them from any
 * order replica, and one observer per order replica that reads them back. Every request and answer
 * is recorded. Bounded in time; it stops by itself.
 */
public final class Workload {

  private final List<ServiceProcess> menus;
  private final List<ServiceProcess> orders;
  private final List<String> hotDishes;
  private final List<MenuWrite> writes = new CopyOnWriteArrayList<>();
  private final List<Observation> observations = new CopyOnWriteArrayList<>();
  private final List<OrderedLine> lines = new CopyOnWriteArrayList<>();
  private final AtomicLong ordersRefused = new AtomicLong();
  private volatile boolean running;

  public Workload(List<ServiceProcess> menus, List<ServiceProcess> orders, List<String> hotDishes) {
    this.menus = List.copyOf(menus);
    this.orders = List.copyOf(orders);
    this.hotDishes = List.copyOf(hotDishes);
  }

  /**
   * Runs the traffic for a while; {@code midRun} runs on the calling thread after {@code
   * midRunAfter} (e.g. to kill a menu) while the traffic goes on.
   */
  public void run(int writers, int orderers, Duration length, Duration midRunAfter, Runnable midRun)
      throws InterruptedException {
    running = true;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      int client = i;
      threads.add(start("writer-" + i, () -> writeLoop(client)));
    }
    for (int i = 0; i < orderers; i++) {
      threads.add(start("orderer-" + i, this::orderLoop));
    }
    for (ServiceProcess replica : orders) {
      threads.add(start("observer-" + replica.name(), () -> observeLoop(replica)));
    }
    long end = System.nanoTime() + length.toNanos();
    Thread.sleep(midRunAfter.toMillis());
    midRun.run();
    long left = end - System.nanoTime();
    if (left > 0) {
      Thread.sleep(left / 1_000_000);
    }
    running = false;
    for (Thread t : threads) {
      t.join(60_000);
    }
    finalWrites();
  }

  /**
   * After the traffic, one last write per hot dish that nothing overlaps — a price change, or a
   * delete for every second dish — so the final state each must show is known.
   */
  private void finalWrites() {
    int client = 99;
    for (int i = 0; i < hotDishes.size(); i++) {
      String dish = hotDishes.get(i);
      ServiceProcess menu = menus.get(0); // the one the test never kills
      long start = System.nanoTime();
      if (i % 2 == 1) {
        HttpResult r = call(() -> menu.http().delete("/api/dishes/" + dish));
        if (r != null && r.status() == 404) {
          // deleted by the traffic already: re-create it, so the last write is an acknowledged
          // delete
          HttpResult created =
              call(() -> menu.http().post("/api/dishes", body(dish, 98_000_000L, true), Map.of()));
          record(client, menu, MenuWrite.Kind.CREATE, dish, 98_000_000L, start, created);
          start = System.nanoTime();
          r = call(() -> menu.http().delete("/api/dishes/" + dish));
        }
        record(client, menu, MenuWrite.Kind.DELETE, dish, 0, start, r);
      } else {
        long price = 99_000_000L + i;
        HttpResult r =
            call(() -> menu.http().put("/api/dishes/" + dish, body(dish, price, false), Map.of()));
        if (r != null && r.status() == 404) {
          start = System.nanoTime();
          r = call(() -> menu.http().post("/api/dishes", body(dish, price, true), Map.of()));
          record(client, menu, MenuWrite.Kind.CREATE, dish, price, start, r);
        } else {
          record(client, menu, MenuWrite.Kind.PUT, dish, price, start, r);
        }
      }
    }
  }

  private static Thread start(String name, Runnable loop) {
    Thread t = new Thread(loop, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void writeLoop(int client) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long sequence = 0;
    while (running) {
      String dish = hotDishes.get(random.nextInt(hotDishes.size()));
      ServiceProcess menu = menus.get(random.nextInt(menus.size()));
      // a price no other write uses, so two contents under one version cannot look alike
      long price = 100 + client * 10_000_000L + (++sequence);
      int pick = random.nextInt(100);
      if (pick < 55) {
        put(client, menu, dish, price, MenuWrite.Kind.PUT, null);
      } else if (pick < 75) {
        HttpResult current = call(() -> menu.http().get("/api/dishes/" + dish));
        if (current != null && current.status() == 200) {
          put(client, menu, dish, price, MenuWrite.Kind.PUT_IF_MATCH, etag(current));
        }
      } else if (pick < 85) {
        long start = System.nanoTime();
        HttpResult r = call(() -> menu.http().delete("/api/dishes/" + dish));
        record(client, menu, MenuWrite.Kind.DELETE, dish, 0, start, r);
      } else {
        long start = System.nanoTime();
        HttpResult r =
            call(() -> menu.http().post("/api/dishes", body(dish, price, true), Map.of()));
        record(client, menu, MenuWrite.Kind.CREATE, dish, price, start, r);
      }
      LockSupport.parkNanos(random.nextLong(1_000_000, 8_000_000));
    }
  }

  private void put(
      int client,
      ServiceProcess menu,
      String dish,
      long price,
      MenuWrite.Kind kind,
      String ifMatch) {
    Map<String, String> headers = ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch);
    long start = System.nanoTime();
    HttpResult r =
        call(() -> menu.http().put("/api/dishes/" + dish, body(dish, price, false), headers));
    record(client, menu, kind, dish, price, start, r);
  }

  private void record(
      int client,
      ServiceProcess menu,
      MenuWrite.Kind kind,
      String dish,
      long price,
      long start,
      HttpResult r) {
    long end = System.nanoTime();
    int status = r == null ? -1 : r.status();
    long version = -1;
    if (r != null && r.ok()) {
      JsonNode json = r.json();
      version = json != null && json.has("version") ? json.get("version").asLong() : versionOf(r);
    }
    writes.add(
        new MenuWrite(
            "writer-" + client, menu.name(), kind, dish, price, start, end, status, version));
  }

  private void orderLoop() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (running) {
      ServiceProcess replica = orders.get(random.nextInt(orders.size()));
      String dish = hotDishes.get(random.nextInt(hotDishes.size()));
      Map<String, Object> order = Map.of("items", List.of(Map.of("dishId", dish, "quantity", 1)));
      HttpResult r =
          call(
              () ->
                  replica
                      .http()
                      .post(
                          "/api/orders",
                          order,
                          Map.of("Idempotency-Key", UUID.randomUUID().toString())));
      if (r != null && r.status() == 201) {
        for (JsonNode line : r.json().get("items")) {
          lines.add(
              new OrderedLine(
                  r.json().get("id").asText(),
                  replica.name(),
                  line.get("dishId").asText(),
                  line.get("dishVersion").asLong(),
                  line.get("unitPriceCents").asLong()));
        }
      } else {
        ordersRefused.incrementAndGet();
      }
      LockSupport.parkNanos(random.nextLong(5_000_000, 20_000_000));
    }
  }

  private void observeLoop(ServiceProcess replica) {
    while (running) {
      for (String dish : hotDishes) {
        HttpResult r = call(() -> replica.http().get("/api/menu/" + dish));
        if (r == null) {
          continue;
        }
        if (r.status() == 200) {
          observations.add(
              new Observation(
                  replica.name(), dish, r.json().get("version").asLong(), System.nanoTime()));
        } else if (r.status() == 404) {
          observations.add(new Observation(replica.name(), dish, -1, System.nanoTime()));
        }
      }
      LockSupport.parkNanos(10_000_000);
    }
  }

  public static Map<String, Object> body(String dish, long price, boolean withId) {
    Map<String, Object> body = new HashMap<>();
    if (withId) {
      body.put("id", dish);
    }
    body.put("name", "Hot " + dish);
    body.put("priceCents", price);
    body.put("currency", "EUR");
    body.put("category", "hot");
    return body;
  }

  private static String etag(HttpResult r) {
    return r.headers().firstValue("ETag").orElse("*");
  }

  private static long versionOf(HttpResult r) {
    return r.headers()
        .firstValue("ETag")
        .map(tag -> tag.replace("W/", "").replace("\"", ""))
        .map(Long::parseLong)
        .orElse(-1L);
  }

  private static HttpResult call(java.util.function.Supplier<HttpResult> request) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      return null; // refused or timed out: the outcome is unknown
    }
  }

  public List<MenuWrite> writes() {
    return List.copyOf(writes);
  }

  public List<Observation> observations() {
    return List.copyOf(observations);
  }

  public List<OrderedLine> lines() {
    return List.copyOf(lines);
  }

  public long ordersRefused() {
    return ordersRefused.get();
  }
}
