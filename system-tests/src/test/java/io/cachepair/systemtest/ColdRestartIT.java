package io.cachepair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.testsupport.process.ServiceProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 6 and durability: an order acknowledged with 201 survives a kill -9 of order-service
 * right after the answer, and a full stop of everything brings back every dish (from the menu
 * database, by preload) and every order.
 */
class ColdRestartIT {

  @RegisterExtension static final ServiceFleet fleet = new ServiceFleet("cold-restart");

  @Test
  void acknowledgedOrderSurvivesKill9_andAColdRestartBringsBackEveryDishAndOrder() {
    ServiceProcess menu = fleet.menu("menu-1", b -> b);
    ServiceProcess order = fleet.order("order-1", b -> b);
    ServiceFleet.startAllReady(menu, order);

    JsonNode burger = Api.createDish(menu, "Vegan Burger", 1190);
    String burgerId = burger.get("id").asText();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> order.http().get("/api/menu/" + burgerId).status() == 200);
    JsonNode placed = Api.placeOrder(order, burgerId, 3);
    order.kill9(); // right after the 201: nothing gets flushed on the way out
    order.start().awaitReady(ServiceFleet.READY_TIMEOUT);
    JsonNode readBack = order.http().get("/api/orders/" + placed.get("id").asText()).json();
    assertThat(readBack.get("totalCents").asLong()).isEqualTo(3 * 1190);

    String digestBefore = Api.viewDigest(order);
    int countBefore = Api.viewCount(order);
    menu.stop(Duration.ofSeconds(40));
    order.stop(Duration.ofSeconds(40));

    ServiceFleet.startAllReady(menu, order);
    assertThat(Api.viewCount(order)).isEqualTo(countBefore);
    assertThat(Api.viewDigest(order)).isEqualTo(digestBefore);
    assertThat(Api.dish(menu, burgerId).get("version").asLong())
        .isEqualTo(burger.get("version").asLong());
    assertThat(order.http().get("/api/orders/" + placed.get("id").asText()).status())
        .isEqualTo(200);
    System.out.printf(
        "scenario 6: %d dishes and the acknowledged order are back after kill -9 and a cold restart%n",
        countBefore);
  }
}
