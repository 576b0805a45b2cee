package io.cachepair.menu.publish;

import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.dish.DishRevision;
import io.cachepair.contract.dish.ReplaceIfRevision;
import io.cachepair.contract.dish.VersionedBatch;
import io.cachepair.contract.dish.VersionedPut;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.menu.MenuProperties;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The menu's only way to change the partitioned dish cache: versioned writes through the contract's
 * entry processors (nothing older than what the cluster holds ever wins), in batches of a bounded
 * size split by partition, and the compare-and-set repair of entries the database never wrote.
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
   * @return for each id, whether the cluster applied it (else it held the same or a newer one)
   * @throws IllegalStateException when the caches are not open
   */
  public Map<String, Boolean> write(Collection<Dish> dishes) {
    DishCaches.Opened opened = opened();
    if (dishes.size() == 1) {
      Dish dish = dishes.iterator().next();
      return Map.of(
          dish.id(),
          Boolean.TRUE.equals(opened.partitioned().invoke(dish.id(), new VersionedPut(dish))));
    }
    List<Dish> all = List.copyOf(dishes);
    Map<String, Boolean> applied = new HashMap<>();
    for (int from = 0; from < all.size(); from += batchSize) {
      Map<String, Dish> batch = new LinkedHashMap<>();
      for (Dish dish : all.subList(from, Math.min(from + batchSize, all.size()))) {
        batch.put(dish.id(), dish);
      }
      applied.putAll(VersionedBatch.apply(opened.partitioned(), batch));
    }
    return applied;
  }

  /**
   * Reads what the partitioned cache holds for some ids, tombstones included.
   *
   * @param ids the ids
   * @return the entries found, by id
   */
  public Map<String, Dish> held(Collection<String> ids) {
    return ids.isEmpty() ? Map.of() : opened().partitioned().getAll(ids);
  }

  /**
   * Replaces an entry only if it still holds the revision observed.
   *
   * @param observed the revision read
   * @param replacement the database's dish for that id
   * @return whether it was replaced
   */
  public boolean replace(DishRevision observed, Dish replacement) {
    return Boolean.TRUE.equals(
        opened()
            .partitioned()
            .invoke(replacement.id(), new ReplaceIfRevision(observed, replacement)));
  }

  /**
   * Clears the dishes-loaded marker's repair flag: the cache holds everything the database does.
   */
  public void markComplete() {
    DishCaches.Opened opened = opened();
    Object marker = opened.partitionedMeta().get(DishesLoaded.KEY);
    if (marker instanceof DishesLoaded loaded && loaded.repairing()) {
      opened.partitionedMeta().put(DishesLoaded.KEY, loaded.withRepairing(false));
    }
  }

  private DishCaches.Opened opened() {
    return caches
        .ifOpen()
        .orElseThrow(
            () -> new IllegalStateException("dish caches not open (" + caches.state() + ")"));
  }
}
