package io.cachepair.contract.dish;

import com.tangosol.net.NamedCache;
import com.tangosol.net.PartitionedService;
import com.tangosol.net.partition.KeyPartitioningStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Writes many dishes through {@link VersionedPutAll} with one call per partition, all under way at
 * once.
 *
 * <p>Coherence runs an {@code invokeAll} partition by partition and deserializes the processor for
 * each partition it touches: one processor carrying a whole batch would be read once per partition
 * (a menu's 100,000-dish preload phase took 9 s so, 5.2 s split: see docs/benchmarks.md). Split by
 * partition, each dish is read once, on its owner.
 */
public final class VersionedBatch {

  private VersionedBatch() {}

  /**
   * Writes dishes or tombstones, each only if newer than what the cache holds.
   *
   * @param cache the partitioned dish cache (not a view)
   * @param dishes the dishes by id
   * @return how many were applied (the others were held in the same or a newer revision)
   */
  public static int write(NamedCache<String, Dish> cache, Map<String, Dish> dishes) {
    return (int) apply(cache, dishes).values().stream().filter(Boolean.TRUE::equals).count();
  }

  /**
   * Writes dishes or tombstones, each only if newer than what the cache holds, and says for each
   * whether it was applied.
   *
   * @param cache the partitioned dish cache (not a view)
   * @param dishes the dishes by id
   * @return for every id, whether its write was applied ({@code false}: the cache held the same or
   *     a newer revision)
   */
  public static Map<String, Boolean> apply(
      NamedCache<String, Dish> cache, Map<String, Dish> dishes) {
    if (dishes.isEmpty()) {
      return Map.of();
    }
    List<CompletableFuture<Map<String, Boolean>>> calls = new ArrayList<>();
    for (Map<String, Dish> slice : byPartition(cache, dishes)) {
      calls.add(cache.async().invokeAll(slice.keySet(), new VersionedPutAll(slice)));
    }
    Map<String, Boolean> applied = new HashMap<>();
    for (CompletableFuture<Map<String, Boolean>> call : calls) {
      applied.putAll(call.join());
    }
    dishes.keySet().forEach(id -> applied.putIfAbsent(id, Boolean.FALSE));
    return applied;
  }

  private static List<Map<String, Dish>> byPartition(
      NamedCache<String, Dish> cache, Map<String, Dish> dishes) {
    if (!(cache.getCacheService() instanceof PartitionedService service)) {
      return List.of(dishes);
    }
    KeyPartitioningStrategy partitions = service.getKeyPartitioningStrategy();
    Map<Integer, Map<String, Dish>> slices = new HashMap<>();
    dishes.forEach(
        (id, dish) ->
            slices
                .computeIfAbsent(partitions.getKeyPartition(id), p -> new HashMap<>())
                .put(id, dish));
    return new ArrayList<>(slices.values());
  }
}
