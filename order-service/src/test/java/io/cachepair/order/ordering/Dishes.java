package io.cachepair.order.ordering;

import io.cachepair.contract.dish.Dish;
import java.time.Instant;

/** Small dish fixtures for the ordering unit tests. */
final class Dishes {

  static final Instant AT = Instant.parse("2025-01-01T12:00:00Z");

  private Dishes() {}

  static Dish spicyTunaRoll() {
    return dish("spicy-tuna-roll", "Spicy Tuna Roll", 1250, "EUR");
  }

  static Dish misoSoup() {
    return dish("miso-soup", "Miso Soup", 450, "EUR");
  }

  static Dish dish(String id, String name, long priceCents, String currency) {
    return Dish.builder(id)
        .name(name)
        .category("test")
        .priceCents(priceCents)
        .currency(currency)
        .version(3)
        .updatedAt(AT)
        .origin("menu-test")
        .build();
  }
}
