package io.cachepair.bench.fleet;

import io.cachepair.contract.dish.Dish;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dishes every benchmark uses, sized so that a cached dish is about 512 bytes of POF (the
 * issue's memory target is per 512-byte dish): the same shape in the JMH member and through REST.
 */
public final class BenchDishes {

  /** Description length that brings the POF form of a dish to about 512 bytes. */
  static final int DESCRIPTION_CHARS = 425;

  private static final String FILLER =
      "Slow-cooked, hand-made and served with seasonal sides; allergens: soy, sesame, gluten. ";

  private BenchDishes() {}

  /** The id of benchmark dish {@code n} in a family ({@code prefix}), e.g. {@code bench-000042}. */
  public static String id(String prefix, int n) {
    return String.format(Locale.ROOT, "%s-%06d", prefix, n);
  }

  /** The id of dish {@code n} of the main family, {@code bench-000042}. */
  public static String benchId(int n) {
    return id("bench", n);
  }

  /** The description of dish {@code n}: unique and {@link #DESCRIPTION_CHARS} long. */
  static String description(int n) {
    StringBuilder b = new StringBuilder("Dish ").append(n).append(". ");
    while (b.length() < DESCRIPTION_CHARS) {
      b.append(FILLER);
    }
    b.setLength(DESCRIPTION_CHARS);
    return b.toString();
  }

  /** Dish {@code n} as a cache entry, as the menu would have written it. */
  public static Dish dish(String prefix, int n) {
    return Dish.builder(id(prefix, n))
        .name("Bench Dish " + n)
        .description(description(n))
        .category("bench")
        .priceCents(500 + n % 2000)
        .currency("EUR")
        .available(true)
        .version(1)
        .updatedAt(Instant.now())
        .origin("bench-menu-0000")
        .build();
  }

  /** Dish {@code n} as the menu's REST API takes it. */
  public static Map<String, Object> request(String prefix, int n) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id(prefix, n));
    body.put("name", "Bench Dish " + n);
    body.put("description", description(n));
    body.put("category", "bench");
    body.put("priceCents", 500 + n % 2000);
    body.put("currency", "EUR");
    return body;
  }

  /** Dishes {@code from..to-1} as one batch-import body. */
  public static List<Map<String, Object>> batch(String prefix, int from, int to) {
    List<Map<String, Object>> batch = new ArrayList<>(to - from);
    for (int n = from; n < to; n++) {
      batch.add(request(prefix, n));
    }
    return batch;
  }
}
