package io.cachepair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The few REST calls the scenarios make, with their expected statuses asserted. */
final class Api {

  static final String SPICY_TUNA_ROLL = "spicy-tuna-roll";

  private Api() {}

  static JsonNode createDish(ServiceProcess menu, String name, long priceCents) {
    HttpResult r =
        menu.http()
            .post(
                "/api/dishes",
                Map.of(
                    "name", name, "priceCents", priceCents, "currency", "EUR", "category", "test"));
    assertThat(r.status()).as("create %s on %s: %s", name, menu.name(), r.body()).isEqualTo(201);
    return r.json();
  }

  static JsonNode dish(ServiceProcess menu, String id) {
    HttpResult r = menu.http().get("/api/dishes/" + id);
    assertThat(r.status()).as("GET dish %s on %s: %s", id, menu.name(), r.body()).isEqualTo(200);
    return r.json();
  }

  static JsonNode changePrice(ServiceProcess menu, String id, long priceCents) {
    JsonNode current = dish(menu, id);
    Map<String, Object> body = new HashMap<>();
    body.put("name", current.get("name").asText());
    body.put("priceCents", priceCents);
    body.put("currency", current.get("currency").asText());
    body.put("category", current.path("category").asText(null));
    HttpResult r = menu.http().put("/api/dishes/" + id, body, Map.of());
    assertThat(r.status()).as("PUT %s on %s: %s", id, menu.name(), r.body()).isEqualTo(200);
    return r.json();
  }

  static void deleteDish(ServiceProcess menu, String id) {
    HttpResult r = menu.http().delete("/api/dishes/" + id);
    assertThat(r.status()).as("DELETE %s on %s: %s", id, menu.name(), r.body()).isEqualTo(204);
  }

  static Map<String, Object> orderOf(String dishId, int quantity) {
    return Map.of(
        "customerId", "c-42", "items", List.of(Map.of("dishId", dishId, "quantity", quantity)));
  }

  static JsonNode placeOrder(ServiceProcess order, String dishId, int quantity) {
    HttpResult r =
        order
            .http()
            .post(
                "/api/orders",
                orderOf(dishId, quantity),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(r.status()).as("order %s on %s: %s", dishId, order.name(), r.body()).isEqualTo(201);
    return r.json();
  }

  /**
   * The local view's digest of (id, version) pairs, from {@code /actuator/cachepair?digest=true} on
   * the management port.
   */
  static String viewDigest(ServiceProcess member) {
    return member.clusterWithDigest().path("view").path("digest").asText(null);
  }

  static int viewCount(ServiceProcess member) {
    return member.cluster().path("view").path("count").asInt(-1);
  }
}
