package io.cachepair.systemtest;

import static io.cachepair.systemtest.Api.SPICY_TUNA_ROLL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.systemtest.load.OrderLoad;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seed's story on one running pair (a menu and two order replicas, separate JVMs): orders are
 * priced from the local copy, changes propagate in real time, a menu crash under load fails no
 * order, an order replica rejoins after a crash, and a graceful rolling restart fails nothing.
 *
 * <p>The scenarios share the pair and run in order; each leaves it whole for the next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedStoryIT {

  @RegisterExtension static final ServiceFleet fleet = new ServiceFleet("seed-story");

  static ServiceProcess menu;
  static ServiceProcess order1;
  static ServiceProcess order2;

  @BeforeAll
  static void startPair() {
    menu = fleet.menu("menu-1", b -> b);
    order1 = fleet.order("order-1", b -> b);
    order2 = fleet.order("order-2", b -> b);
    ServiceFleet.startAllReady(menu, order1, order2);
  }

  private static final Pattern API_REQUESTS =
      Pattern.compile("^http_server_requests_seconds_count\\{(.*)} (\\S+)$", Pattern.MULTILINE);

  /** Requests menu-service received on its API (everything but /actuator), from its own metrics. */
  private static long menuApiRequests() {
    String metrics = menu.management().get("/actuator/prometheus").body();
    long count = 0;
    Matcher m = API_REQUESTS.matcher(metrics);
    while (m.find()) {
      if (!m.group(1).contains("uri=\"/actuator")) {
        count += (long) Double.parseDouble(m.group(2));
      }
    }
    return count;
  }

  @Test
  @Order(2)
  void ordersArePricedFromTheLocalCopy_menuReceivesNoRequest_andKeepWorkingWithoutMenu() {
    JsonNode tuna = Api.dish(menu, SPICY_TUNA_ROLL);
    long before = menuApiRequests();
    for (int i = 0; i < 200; i++) {
      JsonNode placed = Api.placeOrder(i % 2 == 0 ? order1 : order2, SPICY_TUNA_ROLL, 1);
      assertThat(placed.at("/items/0/unitPriceCents").asLong())
          .isEqualTo(tuna.get("priceCents").asLong());
    }
    long after = menuApiRequests();
    System.out.printf(
        "scenario 2: 200 orders placed; menu API requests meanwhile: %d%n", after - before);
    assertThat(after - before)
        .as("requests menu-service received while 200 orders were placed")
        .isZero();

    menu.kill9();
    JsonNode placed = Api.placeOrder(order1, SPICY_TUNA_ROLL, 2);
    assertThat(placed.at("/items/0/name").asText()).isEqualTo("Spicy Tuna Roll");
    assertThat(placed.at("/items/0/unitPriceCents").asLong())
        .isEqualTo(tuna.get("priceCents").asLong());
    assertThat(placed.get("totalCents").asLong()).isEqualTo(2 * tuna.get("priceCents").asLong());

    menu.start().awaitReady(ServiceFleet.READY_TIMEOUT);
  }

  @Test
  @Order(3)
  void changesPropagateToEveryOrderReplicaInRealTime() {
    long t0 = System.nanoTime();
    JsonNode burger = Api.createDish(menu, "Vegan Burger", 1190);
    long answeredNanos = System.nanoTime() - t0;
    String id = burger.get("id").asText();
    long[] seen = new long[2];
    List<ServiceProcess> replicas = List.of(order1, order2);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(2))
        .untilAsserted(
            () -> {
              for (int i = 0; i < 2; i++) {
                if (seen[i] == 0 && replicas.get(i).http().get("/api/menu/" + id).status() == 200) {
                  seen[i] = System.nanoTime() - t0;
                }
              }
              assertThat(seen).doesNotContain(0L);
            });
    System.out.printf(
        "scenario 3: menu answered the POST of %s in %.1f ms; visible on order-1 %.1f ms and on"
            + " order-2 %.1f ms after the POST began%n",
        id, answeredNanos / 1e6, seen[0] / 1e6, seen[1] / 1e6);

    Api.changePrice(menu, id, 1290);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (ServiceProcess r : replicas) {
                assertThat(r.http().get("/api/menu/" + id).json().get("priceCents").asLong())
                    .isEqualTo(1290);
              }
            });

    Api.deleteDish(menu, id);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (ServiceProcess r : replicas) {
                assertThat(r.http().get("/api/menu/" + id).status()).isEqualTo(404);
              }
            });
    HttpResult refused = order1.http().post("/api/orders", Api.orderOf(id, 1));
    assertThat(refused.status()).isEqualTo(422);
    // dishes that never existed, spread over the partitions: where order-1 owns the partition it
    // confirms the absence with the member that would take the partition over (DishAbsence)
    for (int i = 0; i < 16; i++) {
      HttpResult never = order1.http().post("/api/orders", Api.orderOf("never-" + i, 1));
      assertThat(never.status()).as("never-%d: %s", i, never.body()).isEqualTo(422);
      assertThat(never.json().get("type").asText()).endsWith("unknown-dish");
    }
  }

  @Test
  @Order(4)
  void menuCrashUnderLoad_failsNoOrder_losesNoOrder() {
    OrderLoad load =
        new OrderLoad(
                List.of(order1, order2),
                () -> Api.orderOf(SPICY_TUNA_ROLL, 1),
                "/api/menu/" + SPICY_TUNA_ROLL)
            .run(50, Duration.ofSeconds(20), menu::kill9, Duration.ofSeconds(10));
    List<OrderLoad.Placed> lost = load.lost();
    System.out.printf(
        "scenario 4: %d orders placed at 50/s over 20 s with menu killed -9 at 10 s; %d failed,"
            + " %d lost, %d menu reads%n",
        load.placed().size(), load.failures().size(), lost.size(), load.menuReads());
    assertThat(load.failures()).isEmpty();
    assertThat(lost).isEmpty();
    assertThat(load.placed()).hasSize(1000);

    menu.start().awaitReady(ServiceFleet.READY_TIMEOUT);
  }

  @Test
  @Order(7)
  void orderReplicaCrash_rejoinsReadyOnlyWhenSynchronized_andServesTheSameMenu() {
    OrderLoad load =
        new OrderLoad(
                List.of(order1),
                () -> Api.orderOf(SPICY_TUNA_ROLL, 1),
                "/api/menu/" + SPICY_TUNA_ROLL)
            .run(
                20,
                Duration.ofSeconds(10),
                () -> {
                  order2.kill9();
                  order2.start();
                },
                Duration.ofSeconds(2));
    assertThat(load.failures()).isEmpty();
    assertThat(load.lost()).isEmpty();

    // Ready implies synchronized: the first 200 of readiness must come with the full view.
    await()
        .atMost(ServiceFleet.READY_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> order2.readiness().map(r -> r.status() == 200).orElse(false));
    assertThat(Api.viewCount(order2)).isEqualTo(Api.viewCount(order1));
    assertThat(Api.viewDigest(order2))
        .isEqualTo(Api.viewDigest(order1))
        .isEqualTo(Api.viewDigest(menu));
    assertThat(order2.http().get("/api/menu/" + SPICY_TUNA_ROLL).status()).isEqualTo(200);
  }

  @Test
  @Order(9)
  void gracefulRollingRestart_failsNoOrderAndNoMenuRead() {
    OrderLoad load =
        new OrderLoad(
                List.of(order1, order2),
                () -> Api.orderOf(SPICY_TUNA_ROLL, 1),
                "/api/menu/" + SPICY_TUNA_ROLL)
            .start(20, Duration.ofMinutes(4));
    for (ServiceProcess p : List.of(menu, order1, order2)) {
      int exit = p.stop(Duration.ofSeconds(40));
      assertThat(exit).as("exit code of %s after SIGTERM", p).isIn(0, 143);
      p.start().awaitReady(ServiceFleet.READY_TIMEOUT);
    }
    load.stop();
    System.out.printf(
        "scenario 9: %d orders over a rolling SIGTERM restart of menu, order-1, order-2; %d failed%n",
        load.placed().size(), load.failures().size());
    assertThat(load.failures()).isEmpty();
    assertThat(load.lost()).isEmpty();
  }
}
