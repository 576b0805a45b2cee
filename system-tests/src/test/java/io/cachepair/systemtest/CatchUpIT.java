package io.cachepair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.testsupport.process.ServiceProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 5: a menu that was down catches up. Two menus, each with its own database; menu-1 is
 * killed -9, menu-2 adds a dish, changes a price and deletes a dish; menu-1 restarts and its API
 * (its database) carries all three changes, no version went backwards, and the replicas agree.
 */
class CatchUpIT {

  @RegisterExtension static final ServiceFleet fleet = new ServiceFleet("catch-up");

  @Test
  void restartedMenuCatchesUpOnAddUpdateAndDelete_andNoVersionGoesBackwards() {
    ServiceProcess menu1 = fleet.menu("menu-1", b -> b);
    ServiceProcess order = fleet.order("order-1", b -> b);
    ServiceFleet.startAllReady(menu1, order);
    ServiceProcess menu2 =
        fleet.menu("menu-2", b -> b).start().awaitReady(ServiceFleet.READY_TIMEOUT);

    JsonNode doomed = Api.createDish(menu1, "Miso Soup Deluxe", 650);
    String doomedId = doomed.get("id").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> menu2.http().get("/api/dishes/" + doomedId).status() == 200);
    JsonNode tunaBefore = Api.dish(menu1, Api.SPICY_TUNA_ROLL);

    menu1.kill9();
    JsonNode added = Api.createDish(menu2, "Vegan Burger", 1190);
    JsonNode repriced =
        Api.changePrice(menu2, Api.SPICY_TUNA_ROLL, tunaBefore.get("priceCents").asLong() + 100);
    Api.deleteDish(menu2, doomedId);

    menu1.start().awaitReady(ServiceFleet.READY_TIMEOUT);
    JsonNode addedOn1 = Api.dish(menu1, added.get("id").asText());
    assertThat(addedOn1.get("version").asLong()).isEqualTo(added.get("version").asLong());
    JsonNode tunaOn1 = Api.dish(menu1, Api.SPICY_TUNA_ROLL);
    assertThat(tunaOn1.get("priceCents").asLong()).isEqualTo(repriced.get("priceCents").asLong());
    assertThat(tunaOn1.get("version").asLong())
        .isEqualTo(repriced.get("version").asLong())
        .isGreaterThan(tunaBefore.get("version").asLong());
    assertThat(menu1.http().get("/api/dishes/" + doomedId).status()).isEqualTo(404);

    // menu-1's database holds the changes: after a restart of menu-1 alone they are still there.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String digest = Api.viewDigest(order);
              assertThat(Api.viewDigest(menu1)).isEqualTo(digest);
              assertThat(Api.viewDigest(menu2)).isEqualTo(digest);
            });
    assertThat(order.http().get("/api/menu/" + doomedId).status()).isEqualTo(404);
    assertThat(
            order.http().get("/api/menu/" + Api.SPICY_TUNA_ROLL).json().get("priceCents").asLong())
        .isEqualTo(repriced.get("priceCents").asLong());
    System.out.printf(
        "scenario 5: menu-1 caught up on add (v%d), price change (v%d) and delete%n",
        addedOn1.get("version").asLong(), tunaOn1.get("version").asLong());
  }
}
