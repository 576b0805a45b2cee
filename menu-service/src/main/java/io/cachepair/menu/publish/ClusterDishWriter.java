package io.cachepair.menu.publish;

import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.dish.VersionedBatch;
import io.cachepair.contract.dish.VersionedPut;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.menu.MenuProperties;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes dishes into the partitioned cache through the contract's versioned entry processors, so
 * that nothing older than what the cluster holds ever wins, in batches of a bounded size, each
 * batch split by partition ({@link VersionedBatch}).
 */
@Component
public class ClusterDishWriter {

  private final DishCaches caches;
  private final int batchSize;

  ClusterDishWriter(DishCaches caches, MenuProperties properties) {
    this.caches = caches;
    this.batchSize = properties.preloadBatchSize();
  }

  /** Whether the caches are open, i.e. whether a write can be attempted now. */
  public boolean isOpen() {
    return caches.ifOpen().isPresent();
  }

  /**
   * Writes dishes (or tombstones), each only if newer than the cluster's.
   *
   * @param dishes the dishes, at most one per id
   * @return how many the cluster applied (the rest it held in the same or a newer revision)
   * @throws IllegalStateException when the caches are not open
   */
  public int write(Collection<Dish> dishes) {
    DishCaches.Opened opened =
        caches
            .ifOpen()
            .orElseThrow(
                () -> new IllegalStateException("dish caches not open (" + caches.state() + ")"));
    if (dishes.size() == 1) {
      Dish dish = dishes.iterator().next();
      return Boolean.TRUE.equals(opened.partitioned().invoke(dish.id(), new VersionedPut(dish)))
          ? 1
          : 0;
    }
    List<Dish> all = List.copyOf(dishes);
    int applied = 0;
    for (int from = 0; from < all.size(); from += batchSize) {
      Map<String, Dish> batch = new LinkedHashMap<>();
      for (Dish dish : all.subList(from, Math.min(from + batchSize, all.size()))) {
        batch.put(dish.id(), dish);
      }
      applied += VersionedBatch.write(opened.partitioned(), batch);
    }
    return applied;
  }
}
