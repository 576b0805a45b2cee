package io.cachepair.order.menuview;

import io.cachepair.contract.dish.Dish;
import java.time.Instant;

/**
 * A dish as the menu view shows it: the customer-facing fields of the cached {@link Dish}, without
 * the replication bookkeeping (origin, tombstone flag).
 */
record MenuDish(
    String id,
    String name,
    String description,
    String category,
    long priceCents,
    String currency,
    boolean available,
    long version,
    Instant updatedAt) {

  static MenuDish of(Dish dish) {
    return new MenuDish(
        dish.id(),
        dish.name(),
        dish.description(),
        dish.category(),
        dish.priceCents(),
        dish.currency(),
        dish.available(),
        dish.version(),
        dish.updatedAt());
  }
}
