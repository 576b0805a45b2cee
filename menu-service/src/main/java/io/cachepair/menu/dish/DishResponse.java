package io.cachepair.menu.dish;

import io.cachepair.contract.dish.Dish;
import java.time.Instant;

/**
 * A dish as the API returns it: the client's fields plus the revision the menu gave it.
 *
 * @param id the dish id
 * @param name the name
 * @param description the description, may be null
 * @param category the category, may be null
 * @param priceCents the price in minor units
 * @param currency the ISO 4217 currency code
 * @param available whether it can be ordered
 * @param version the version, also the ETag
 * @param updatedAt when it was last written
 * @param origin the menu instance that wrote it
 */
public record DishResponse(
    String id,
    String name,
    String description,
    String category,
    long priceCents,
    String currency,
    boolean available,
    long version,
    Instant updatedAt,
    String origin) {

  static DishResponse of(Dish d) {
    return new DishResponse(
        d.id(),
        d.name(),
        d.description(),
        d.category(),
        d.priceCents(),
        d.currency(),
        d.available(),
        d.version(),
        d.updatedAt(),
        d.origin());
  }

  /** The strong ETag carrying the version, e.g. {@code "3"} with the quotes. */
  static String etag(Dish d) {
    return "\"" + d.version() + "\"";
  }
}
