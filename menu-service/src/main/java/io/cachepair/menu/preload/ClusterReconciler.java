package io.cachepair.menu.preload;

import com.tangosol.util.Aggregators;
import io.cachepair.contract.ContractVersion;
import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.dish.LiveDishFilter;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.menu.MenuProperties;
import io.cachepair.menu.dish.DishOutbox;
import io.cachepair.menu.dish.DishRepository;
import io.cachepair.menu.dish.MenuOrigin;
import io.cachepair.menu.publish.ClusterDishWriter;
import io.cachepair.menu.publish.ClusterRepair;
import io.cachepair.menu.record.DishRevisions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings a live cluster in line with the menu database, and writes the {@link DishesLoaded} marker
 * that tells order replicas the cache is complete. Used at start-up and again whenever this
 * member's dish service restarted or merged back after an island (its cache may then lack what
 * menus wrote meanwhile).
 */
@Component
class ClusterReconciler {

  private static final Logger log = LoggerFactory.getLogger(ClusterReconciler.class);

  private final DishRepository dishes;
  private final DishRevisions revisions;
  private final DishOutbox outbox;
  private final ClusterDishWriter writer;
  private final ClusterRepair repair;
  private final MenuOrigin origin;
  private final MenuProperties properties;

  ClusterReconciler(
      DishRepository dishes,
      DishRevisions revisions,
      DishOutbox outbox,
      ClusterDishWriter writer,
      ClusterRepair repair,
      MenuOrigin origin,
      MenuProperties properties) {
    this.dishes = dishes;
    this.revisions = revisions;
    this.outbox = outbox;
    this.writer = writer;
    this.repair = repair;
    this.origin = origin;
    this.properties = properties;
  }

  /**
   * Brings the cluster in line with the menu database: newer rows go to the cache, entries the
   * database never wrote are repaired, nothing flows from the cache into the database.
   *
   * @param opened the open caches
   * @param progress where the work is reported (readiness, logs)
   */
  void reconcile(DishCaches.Opened opened, PreloadProgress progress) {
    Set<String> clusterIds = new HashSet<>(opened.partitioned().keySet());
    TreeSet<String> all = new TreeSet<>(clusterIds);
    String after = "";
    while (true) {
      List<Dish> slice = dishes.sliceAfter(after, properties.preloadBatchSize());
      if (slice.isEmpty()) {
        break;
      }
      slice.forEach(d -> all.add(d.id()));
      after = slice.get(slice.size() - 1).id();
    }
    progress.start(PreloadProgress.Phase.RECONCILING, all.size());
    int toCache = 0;
    int inSync = 0;
    int repaired = 0;
    long lastLoggedStep = -1;
    List<String> ids = new ArrayList<>(all);
    int batchSize = properties.preloadBatchSize();
    for (int from = 0; from < ids.size(); from += batchSize) {
      List<String> batch = ids.subList(from, Math.min(from + batchSize, ids.size()));
      Map<String, Dish> inDatabase = dishes.findAll(batch);
      Set<String> askCluster = new HashSet<>(batch);
      askCluster.retainAll(clusterIds);
      Map<String, Dish> inCluster = writer.held(askCluster);
      List<Dish> forCache = new ArrayList<>();
      for (String id : batch) {
        Dish db = inDatabase.get(id);
        Dish cluster = inCluster.get(id);
        switch (Reconciliation.decide(db, cluster, revisions::committed)) {
          case TO_CACHE -> forCache.add(db);
          case IN_SYNC -> inSync++;
          case FOREIGN -> {
            if (repair.replace(cluster).isPresent()) {
              repaired++;
            }
          }
          default -> throw new IllegalStateException();
        }
      }
      if (!forCache.isEmpty()) {
        writer.write(forCache);
        outbox.markPublished(forCache);
      }
      toCache += forCache.size();
      progress.advance(batch.size());
      lastLoggedStep = logProgress(progress, lastLoggedStep);
    }
    log.info(
        "Reconciled {} dish ids with the cluster: {} newer in the database went to the cache, {}"
            + " foreign entries repaired, {} already in sync",
        ids.size(),
        toCache,
        repaired,
        inSync);
  }

  /**
   * Writes the marker that the cache is complete, with the live dish count.
   *
   * @param opened the open caches
   * @param newEpoch whether this load seeded an empty cluster (a new epoch) or kept a live one
   * @return how many live dishes the cluster holds
   */
  long writeMarker(DishCaches.Opened opened, boolean newEpoch) {
    Object count = opened.partitioned().aggregate(new LiveDishFilter(), Aggregators.count());
    long live = count instanceof Number n ? n.longValue() : opened.view().size();
    Object held = opened.partitionedMeta().get(DishesLoaded.KEY);
    long epoch =
        !newEpoch && held instanceof DishesLoaded loaded && loaded.epoch() != 0
            ? loaded.epoch()
            : Math.abs(ThreadLocalRandom.current().nextLong() | 1);
    opened
        .partitionedMeta()
        .put(
            DishesLoaded.KEY,
            new DishesLoaded(
                Instant.now(), live, ContractVersion.CURRENT, origin.value(), epoch, false));
    return live;
  }

  /** Logs about every 5% (and the end), never more than once per batch. */
  private static long logProgress(PreloadProgress progress, long lastLoggedStep) {
    long total = progress.total();
    long done = progress.done();
    long step = total == 0 ? 20 : done * 20 / total;
    if (step != lastLoggedStep || done >= total) {
      log.info("reconciled {}", PreloadProgress.ratio(done, total));
      return step;
    }
    return lastLoggedStep;
  }
}
