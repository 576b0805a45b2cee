package io.cachepair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.systemtest.load.OrderLoad;
import io.cachepair.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 8, the single home of the rebalancing-kill test: this is where a plain Coherence view
 * loses data, and where we must not.
 *
 * <p>A menu holds 50,000 dishes alone; a fresh order replica joins, and the menu is killed -9 at a
 * bad moment while the dish service rebalances (several runs, at several delays after the join).
 * With backup count 1 Coherence loses the partitions whose backups were not made yet; the member
 * that took them over re-seeds them from its view and the restarted menu re-publishes from its
 * database. Afterwards every dish is in the partitioned cache, in every view and in the menu
 * database with the same versions, and orders never failed.
 */
class RebalancingCrashIT {

  static final int DISHES = 50_000;
  // two kills inside the rebalancing window (where losses happen) and one after it (where none may)
  static final long[] KILL_DELAYS_MS = {0, 1_000, 10_000};

  @RegisterExtension static final ServiceFleet fleet = new ServiceFleet("rebalancing-crash");

  @Test
  void menuKilledWhileRebalancing_losesPartitions_andEveryDishIsRecovered() {
    ServiceProcess menu =
        fleet
            .menu("menu-1", b -> b.property("cachepair.menu.generate", DISHES).heap("384m"))
            .start()
            .awaitReady(ServiceFleet.READY_TIMEOUT);
    long totalDishes =
        menu.http().get("/api/dishes?page=0&size=1").json().get("totalDishes").asLong();
    List<String> runs = new ArrayList<>();
    long lossesSeen = 0;

    for (int run = 0; run < KILL_DELAYS_MS.length; run++) {
      long delay = KILL_DELAYS_MS[run];
      ServiceProcess order = fleet.order("order-r" + run, b -> b.heap("384m")).start();
      // the join that matters: the joiner's dish service starts owning partitions
      await()
          .atMost(ServiceFleet.READY_TIMEOUT)
          .pollInterval(Duration.ofMillis(10))
          .until(() -> menu.cluster().path("storageMembers").asInt() == 2);
      long joinedAt = System.nanoTime();
      pause(delay); // the bad moment is a deliberate delay, not a wait for a condition
      menu.kill9();
      long killedAfterMs = (System.nanoTime() - joinedAt) / 1_000_000;

      menu.start();
      // orders flow against the joiner from its first readiness on; none may fail after that
      order.awaitReady(ServiceFleet.READY_TIMEOUT);
      OrderLoad load =
          new OrderLoad(
                  List.of(order),
                  () -> Api.orderOf(Api.SPICY_TUNA_ROLL, 1),
                  "/api/menu/" + Api.SPICY_TUNA_ROLL)
              .start(10, Duration.ofMinutes(3));
      menu.awaitReady(ServiceFleet.READY_TIMEOUT);

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                JsonNode m = menu.clusterWithDigest();
                JsonNode o = order.clusterWithDigest();
                assertThat(m.path("partitionedCount").asLong()).isEqualTo(totalDishes);
                assertThat(m.at("/view/count").asLong()).isEqualTo(totalDishes);
                assertThat(o.at("/view/count").asLong()).isEqualTo(totalDishes);
                assertThat(o.at("/view/digest").asText()).isEqualTo(m.at("/view/digest").asText());
              });
      assertThat(menu.http().get("/api/dishes?page=0&size=1").json().get("totalDishes").asLong())
          .isEqualTo(totalDishes);
      load.stop();
      assertThat(load.failures()).as("orders on %s after it was ready", order.name()).isEmpty();

      long reseeds = order.cluster().at("/partitionLosses/localReseeds").asLong();
      long events = order.cluster().at("/partitionLosses/events").asLong();
      lossesSeen += reseeds;
      runs.add(
          String.format(
              "kill at %d ms after join: %d re-seed(s) by the joiner, cluster loss events %d, %d orders",
              killedAfterMs, reseeds, events, load.placed().size()));
      // back to the menu alone (it holds everything again once the joiner leaves)
      order.kill9();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(menu.clusterWithDigest().path("partitionedCount").asLong())
                      .isEqualTo(totalDishes));
    }
    runs.forEach(r -> System.out.println("scenario 8: " + r));
    assertThat(lossesSeen)
        .as("Coherence must have lost partitions in at least one run, or this proved nothing")
        .isPositive();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
