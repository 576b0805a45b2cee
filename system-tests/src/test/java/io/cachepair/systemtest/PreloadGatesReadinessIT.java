package io.cachepair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 1: no pod takes traffic before the dishes are loaded. An order-service started alone is
 * not ready ("never loaded") and refuses orders; a menu preloading 100,000 dishes reports why it is
 * not ready until its preload finished, and the order side becomes ready only after that.
 */
class PreloadGatesReadinessIT {

  static final int DISHES = 100_000;

  @RegisterExtension static final ServiceFleet fleet = new ServiceFleet("preload-gates");

  @Test
  void orderAloneIsNeverLoaded_menuPreloadHoldsReadiness_orderReadyOnlyAfterPreload() {
    ServiceProcess order = fleet.order("order-1", b -> b).start();
    await()
        .atMost(ServiceFleet.READY_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                assertThat(order.readiness())
                    .get()
                    .satisfies(r -> assertThat(r.body()).contains("never loaded")));
    assertThat(order.readiness().orElseThrow().status()).isEqualTo(503);
    HttpResult refused = order.http().post("/api/orders", Api.orderOf(Api.SPICY_TUNA_ROLL, 1));
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.body()).contains("never loaded");

    ServiceProcess menu =
        fleet
            .menu("menu-1", b -> b.property("cachepair.menu.generate", DISHES).heap("384m"))
            .start();
    long started = System.nanoTime();
    // While the menu preloads, its readiness is 503 and says how far it got; order stays 503.
    await()
        .atMost(ServiceFleet.READY_TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                menu.readiness()
                    .filter(r -> r.status() == 503 && r.body().contains("preloading "))
                    .isPresent());
    String menuReason = menu.readiness().map(HttpResult::body).orElse("");
    Optional<HttpResult> orderWhilePreloading = order.readiness();
    System.out.printf("scenario 1: menu while preloading: %s%n", menuReason);
    assertThat(orderWhilePreloading).get().extracting(HttpResult::status).isEqualTo(503);

    menu.awaitReady(ServiceFleet.READY_TIMEOUT);
    long menuReadyMs = (System.nanoTime() - started) / 1_000_000;
    order.awaitReady(Duration.ofSeconds(30));
    System.out.printf(
        "scenario 1: menu ready %d ms after start with %d dishes; order ready after it%n",
        menuReadyMs, DISHES);
    assertThat(menu.cluster().at("/lastPreload/count").asLong()).isGreaterThanOrEqualTo(DISHES);
    assertThat(Api.viewCount(order)).isGreaterThanOrEqualTo(DISHES);
    Api.placeOrder(order, Api.SPICY_TUNA_ROLL, 1);
  }
}
