package io.cachepair.bench.lookup;

import com.tangosol.net.Coherence;
import com.tangosol.net.NamedCache;
import io.cachepair.bench.fleet.BenchDishes;
import io.cachepair.contract.dish.Dish;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.LocalDishes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Resolves the three dishes of an order the way {@code OrderPricing} does (look up, drop deleted,
 * check available, read the price) from four sources, each in the same single-member cluster: the
 * services' {@link LocalDishes}, the raw view, the partitioned cache behind it, and a
 * ConcurrentHashMap. Ids are drawn at random over all dishes, so lookups miss the CPU caches as a
 * busy order service's would.
 *
 * <p>The cluster comes from system properties the runner passes to the fork (the loopback recipe
 * with a unique name and port).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderPathLookup {

  private static final int ORDERS = 1 << 14;

  /** Dishes loaded into the cache. */
  @Param("100000")
  public int dishes;

  // One member per JVM: a fork runs one benchmark, an in-process run (smoke) runs them all.
  private static Coherence shared;
  private static DishCaches sharedCaches;
  private static int sharedDishes;

  private LocalDishes local;
  private Map<String, Dish> view;
  private Map<String, Dish> partitioned;
  private Map<String, Dish> floor;
  private String[] ids;
  private int cursor;

  /** Starts the member, loads the dishes through the partitioned cache, waits for the view. */
  @Setup(Level.Trial)
  public void start() throws Exception {
    DishCaches caches = member(dishes);
    DishCaches.Opened opened = caches.await(Duration.ofMinutes(2));
    NamedCache<String, Dish> cache = opened.partitioned();
    floor = new ConcurrentHashMap<>();
    Map<String, Dish> batch = new HashMap<>();
    boolean load = cache.size() < dishes;
    for (int n = 0; n < dishes; n++) {
      Dish dish = BenchDishes.dish("bench", n);
      floor.put(dish.id(), dish);
      batch.put(dish.id(), dish);
      if (load && (batch.size() == 5_000 || n == dishes - 1)) {
        cache.putAll(batch);
      }
      if (batch.size() == 5_000) {
        batch.clear();
      }
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (opened.view().size() < dishes && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    if (opened.view().size() < dishes) {
      throw new IllegalStateException("view holds " + opened.view().size() + " of " + dishes);
    }
    local = new LocalDishes(caches);
    view = opened.view();
    partitioned = cache;
    SplittableRandom random = new SplittableRandom(42);
    ids = new String[ORDERS * 3];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = BenchDishes.id("bench", random.nextInt(dishes));
    }
  }

  private static synchronized DishCaches member(int dishes) throws Exception {
    if (shared == null) {
      shared = Coherence.clusterMember().start().get(2, TimeUnit.MINUTES);
      sharedCaches = new DishCaches(shared, List.of(), refusal -> {});
      sharedCaches.start();
      sharedDishes = dishes;
    } else if (sharedDishes != dishes) {
      throw new IllegalStateException("one dish count per JVM");
    }
    return sharedCaches;
  }

  /** Leaves the cluster; for in-process runs (a fork's JVM just exits). */
  public static synchronized void closeShared() {
    if (shared != null) {
      shared.close();
      shared = null;
    }
  }

  /** The services' order path: {@code LocalDishes.find} for each of the three dishes. */
  @Benchmark
  public long localDishes() {
    return order(local::find);
  }

  /** The raw local view ({@code ContinuousQueryCache.get}). */
  @Benchmark
  public long viewGet() {
    return order(id -> Optional.ofNullable(view.get(id)));
  }

  /** A plain {@code NamedCache.get} on the partitioned cache (all partitions local here). */
  @Benchmark
  public long partitionedGet() {
    return order(id -> Optional.ofNullable(partitioned.get(id)));
  }

  /** The floor: a ConcurrentHashMap holding the same dishes. */
  @Benchmark
  public long concurrentHashMap() {
    return order(id -> Optional.ofNullable(floor.get(id)));
  }

  private long order(Function<String, Optional<Dish>> dishes) {
    int at = cursor;
    cursor = (at + 3) % ids.length;
    long total = 0;
    for (int i = at; i < at + 3; i++) {
      Dish dish = dishes.apply(ids[i]).filter(d -> !d.deleted()).orElse(null);
      if (dish == null || !dish.available()) {
        throw new IllegalStateException("dish " + ids[i] + " not found");
      }
      total += dish.priceCents();
    }
    return total;
  }
}
