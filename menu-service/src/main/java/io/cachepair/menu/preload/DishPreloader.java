package io.cachepair.menu.preload;

import com.tangosol.util.Aggregators;
import io.cachepair.contract.ContractVersion;
import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.dish.LiveDishFilter;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.menu.MenuProperties;
import io.cachepair.menu.dish.DishRepository;
import io.cachepair.menu.dish.MenuOrigin;
import io.cachepair.menu.follow.ClusterFollower;
import io.cachepair.menu.publish.ClusterDishWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings this menu's database and the cluster in line before the menu takes traffic, then writes
 * the {@link DishesLoaded} marker.
 *
 * <p>Runs as an application runner, synchronously: Spring Boot accepts traffic only after runners
 * returned, so readiness stays {@code REFUSING_TRAFFIC} (and {@code preload} says why) until it is
 * done. Three cases:
 *
 * <ul>
 *   <li>the partitioned cache holds entries (live members): reconcile both ways by revision,
 *       tombstones included — newer cluster entries into this database, newer rows into the cache;
 *   <li>database and cluster are both empty (cold start): seed the sample menu, then preload;
 *   <li>otherwise: stream the database into the cache in batches.
 * </ul>
 */
@Component
class DishPreloader implements ApplicationRunner, Ordered {

  private static final Logger log = LoggerFactory.getLogger(DishPreloader.class);

  private final DishCaches caches;
  private final DishRepository dishes;
  private final ClusterDishWriter writer;
  private final ClusterFollower follower;
  private final MenuOrigin origin;
  private final TransactionTemplate tx;
  private final PreloadProgress progress;
  private final MenuProperties properties;
  private final Timer duration;

  DishPreloader(
      DishCaches caches,
      DishRepository dishes,
      ClusterDishWriter writer,
      ClusterFollower follower,
      MenuOrigin origin,
      TransactionTemplate tx,
      PreloadProgress progress,
      MenuProperties properties,
      MeterRegistry meters) {
    this.caches = caches;
    this.dishes = dishes;
    this.writer = writer;
    this.follower = follower;
    this.origin = origin;
    this.tx = tx;
    this.progress = progress;
    this.properties = properties;
    this.duration =
        Timer.builder("cachepair.preload.duration")
            .description("How long the menu took to preload or reconcile the dishes at startup")
            .register(meters);
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    try {
      String mode = preload();
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      duration.record(took);
      DishCaches.Opened opened = caches.await(properties.cacheTimeout());
      long live = liveInCluster(opened);
      opened
          .meta()
          .put(
              DishesLoaded.KEY,
              new DishesLoaded(Instant.now(), live, ContractVersion.CURRENT, origin.value()));
      follower.startApplying();
      progress.finished(mode, live, took);
      log.info(
          "Preload done ({}): the cluster holds {} dishes, marker written; took {} ms",
          mode,
          live,
          took.toMillis());
    } catch (RuntimeException e) {
      progress.failed(e);
      log.error("Preload failed: the menu cannot take traffic", e);
      throw e;
    }
  }

  private String preload() {
    boolean databaseWasEmpty = dishes.countAll() == 0;
    int generate = properties.generate();
    if (databaseWasEmpty && generate > 0) {
      progress.start(PreloadProgress.Phase.GENERATING, generate);
      long t0 = System.nanoTime();
      SyntheticDishes.generate(generate, origin.value(), dishes, tx, progress);
      log.info(
          "Generated {} synthetic dishes into the empty menu database in {} ms",
          generate,
          Duration.ofNanos(System.nanoTime() - t0).toMillis());
    } else if (generate > 0) {
      log.info("cachepair.menu.generate={} ignored: the menu database is not empty", generate);
    }

    progress.start(PreloadProgress.Phase.WAITING_FOR_CACHES, 0);
    log.info("Waiting for the dish caches ({})", caches.state());
    DishCaches.Opened opened = caches.await(properties.cacheTimeout());
    // before reading the cluster, so that no write by another menu falls between read and listen
    follower.listen(opened);

    int inCluster = opened.partitioned().size();
    if (inCluster > 0) {
      log.info(
          "The cluster already holds {} dish entries (tombstones included): reconciling",
          inCluster);
      reconcile(opened);
      return "reconcile";
    }
    String mode = "preload";
    if (databaseWasEmpty) {
      progress.start(PreloadProgress.Phase.SEEDING, 0);
      List<Dish> sample = SampleMenu.dishes(Instant.now(), origin.value());
      tx.executeWithoutResult(status -> dishes.upsertAllIfNewer(sample));
      log.info(
          "Cold start (empty database, empty cluster): seeded {} sample dishes", sample.size());
      mode = "cold-start";
    }
    streamIntoCache();
    return mode;
  }

  private void streamIntoCache() {
    long total = dishes.countAll();
    progress.start(PreloadProgress.Phase.PRELOADING, total);
    log.info("Preloading {} dish rows (tombstones included) into the cluster", total);
    String after = "";
    long lastLoggedStep = -1;
    while (true) {
      List<Dish> slice = dishes.sliceAfter(after, properties.preloadBatchSize());
      if (slice.isEmpty()) {
        break;
      }
      writer.write(slice);
      progress.advance(slice.size());
      after = slice.get(slice.size() - 1).id();
      lastLoggedStep = logProgress("preloaded", lastLoggedStep);
    }
  }

  private void reconcile(DishCaches.Opened opened) {
    Set<String> clusterIds = new HashSet<>(opened.partitioned().keySet());
    TreeSet<String> all = new TreeSet<>(clusterIds);
    all.addAll(dishes.allIds());
    progress.start(PreloadProgress.Phase.RECONCILING, all.size());
    int toCache = 0;
    int toDatabase = 0;
    int inSync = 0;
    long lastLoggedStep = -1;
    List<String> ids = new ArrayList<>(all);
    int batchSize = properties.preloadBatchSize();
    for (int from = 0; from < ids.size(); from += batchSize) {
      List<String> batch = ids.subList(from, Math.min(from + batchSize, ids.size()));
      Map<String, Dish> inDatabase = dishes.findAll(batch);
      Set<String> askCluster = new HashSet<>(batch);
      askCluster.retainAll(clusterIds);
      Map<String, Dish> inCluster =
          askCluster.isEmpty() ? Map.of() : opened.partitioned().getAll(askCluster);
      List<Dish> forCache = new ArrayList<>();
      List<Dish> forDatabase = new ArrayList<>();
      for (String id : batch) {
        Dish db = inDatabase.get(id);
        Dish cluster = inCluster.get(id);
        switch (Reconciliation.decide(db, cluster)) {
          case TO_CACHE -> forCache.add(db);
          case TO_DATABASE -> forDatabase.add(cluster);
          case IN_SYNC -> inSync++;
          default -> throw new IllegalStateException();
        }
      }
      if (!forCache.isEmpty()) {
        writer.write(forCache);
      }
      if (!forDatabase.isEmpty()) {
        tx.executeWithoutResult(status -> dishes.upsertAllIfNewer(forDatabase));
      }
      toCache += forCache.size();
      toDatabase += forDatabase.size();
      progress.advance(batch.size());
      lastLoggedStep = logProgress("reconciled", lastLoggedStep);
    }
    log.info(
        "Reconciled {} dish ids with the cluster: {} newer here went to the cache, {} newer in the"
            + " cluster came into this database, {} already in sync",
        ids.size(),
        toCache,
        toDatabase,
        inSync);
  }

  /** Logs about every 5% (and the end), never more than once per batch. */
  private long logProgress(String verb, long lastLoggedStep) {
    long total = progress.total();
    long done = progress.done();
    long step = total == 0 ? 20 : done * 20 / total;
    if (step != lastLoggedStep || done >= total) {
      log.info("{} {}", verb, PreloadProgress.ratio(done, total));
      return step;
    }
    return lastLoggedStep;
  }

  private static long liveInCluster(DishCaches.Opened opened) {
    Object count = opened.partitioned().aggregate(new LiveDishFilter(), Aggregators.count());
    return count instanceof Number n ? n.longValue() : opened.view().size();
  }

  /** Before any other runner: nothing else should see the menu before its dishes are in line. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
