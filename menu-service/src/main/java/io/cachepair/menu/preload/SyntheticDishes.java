package io.cachepair.menu.preload;

import io.cachepair.contract.dish.Dish;
import io.cachepair.menu.dish.DishRepository;
import io.cachepair.menu.record.DishRevisions;
import io.cachepair.menu.record.VersionSequence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates N synthetic dishes ({@code synthetic-000001}, …) for load tests, written in JDBC
 * batches so that 100,000 take seconds.
 */
final class SyntheticDishes {

  private static final String[] CATEGORIES = {"sushi", "ramen", "starter", "salad", "dessert"};
  private static final int BATCH = 5000;

  private SyntheticDishes() {}

  static Dish dish(int n, long version, Instant at, String origin) {
    return Dish.builder(String.format(Locale.ROOT, "synthetic-%06d", n))
        .name("Synthetic Dish " + n)
        .description("Generated dish number " + n)
        .category(CATEGORIES[n % CATEGORIES.length])
        .priceCents(300 + (n * 37L) % 2500)
        .currency("EUR")
        .available(true)
        .version(version)
        .updatedAt(at)
        .origin(origin)
        .build();
  }

  static void generate(
      int count,
      String origin,
      DishRepository dishes,
      DishRevisions revisions,
      VersionSequence versions,
      TransactionTemplate tx,
      PreloadProgress progress) {
    Instant at = Instant.now();
    for (int from = 1; from <= count; from += BATCH) {
      int to = Math.min(from + BATCH - 1, count);
      List<Long> drawn = versions.next(to - from + 1);
      List<Dish> batch = new ArrayList<>(to - from + 1);
      for (int n = from; n <= to; n++) {
        batch.add(dish(n, drawn.get(n - from), at, origin));
      }
      tx.executeWithoutResult(
          status -> {
            dishes.insertAll(batch);
            revisions.record(batch, "generator");
          });
      progress.advance(batch.size());
    }
  }
}
