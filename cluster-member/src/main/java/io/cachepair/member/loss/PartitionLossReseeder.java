package io.cachepair.member.loss;

import com.tangosol.net.partition.PartitionEvent;
import com.tangosol.net.partition.PartitionListener;
import com.tangosol.util.Filters;
import com.tangosol.util.Processors;
import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.dish.VersionedBatch;
import io.cachepair.contract.dish.VersionedPutAll;
import io.cachepair.contract.loss.PartitionLossRelay;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.contract.meta.PartitionLosses;
import io.cachepair.contract.meta.RecordPartitionLoss;
import io.cachepair.member.cache.CacheState;
import io.cachepair.member.cache.DishCaches;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Re-seeds the partitioned dish cache from this member's full view when Coherence reports lost
 * partitions, and sees the repair through: every step is retried until it succeeds.
 *
 * <p>With backup count 1, killing a partition owner before its backups exist (during rebalancing)
 * loses those entries from the partitioned cache while every view keeps serving them. Coherence
 * announces {@link PartitionEvent#PARTITION_LOST} only on the member that takes over the orphaned
 * partitions; that member writes every dish of its view back through {@link VersionedPutAll} (so
 * nothing older wins), restores missing meta records, and adds the loss to the cluster-wide {@link
 * PartitionLosses} tally, on which menus re-publish their database (the truth, tombstones included:
 * a view holds no tombstones). The loss is recorded before the repair starts, and the {@link
 * DishesLoaded} marker is flagged {@code repairing}, so no new replica becomes ready on a partial
 * cache; the flag is cleared by a menu once it has re-published its database, never here (this
 * member's view may be partial itself).
 */
public class PartitionLossReseeder implements PartitionListener, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PartitionLossReseeder.class);

  private final DishCaches caches;
  private final int batchSize;
  private final ExecutorService worker;
  private final Counter lossEvents;
  private final Counter reseededDishes;
  private final AtomicLong localLosses = new AtomicLong();
  private final AtomicLong localReseeds = new AtomicLong();
  private final Consumer<PartitionEvent> relayHandler = this::onPartitionEvent;

  /**
   * Creates the re-seeder.
   *
   * @param caches the member's caches
   * @param batchSize how many dishes one re-seed call writes
   * @param meters where to count losses and re-seeded dishes
   */
  public PartitionLossReseeder(DishCaches caches, int batchSize, MeterRegistry meters) {
    this.caches = caches;
    this.batchSize = batchSize;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "partition-loss-reseeder");
              t.setDaemon(true);
              return t;
            });
    this.lossEvents =
        Counter.builder("cachepair.partition.losses")
            .description("Partition-loss events of the dish service seen by this member")
            .register(meters);
    this.reseededDishes =
        Counter.builder("cachepair.partition.reseeded.dishes")
            .description("Dishes written back by this member after partition losses")
            .register(meters);
    PartitionLossRelay.register(relayHandler);
  }

  @Override
  public void onPartitionEvent(PartitionEvent event) {
    if (event.getId() == PartitionEvent.PARTITION_LOST) {
      int lost = event.getPartitionSet() == null ? 0 : event.getPartitionSet().cardinality();
      log.warn(
          "Dish service lost {} partition(s) {}: re-seeding from the local view",
          lost,
          event.getPartitionSet());
      lossEvents.increment();
      localLosses.incrementAndGet();
      // Never block the service thread that delivers the event.
      worker.submit(() -> reseed(lost));
    }
  }

  private void reseed(int lostPartitions) {
    DishCaches.Opened opened;
    try {
      opened = caches.await(Duration.ofMinutes(5));
    } catch (RuntimeException e) {
      log.error("Cannot re-seed after a partition loss: the dish caches are not open", e);
      return;
    }
    String reporter = "member-" + caches.coherence().getCluster().getLocalMember().getId();
    // Recorded first, so that a crash part-way still leaves the loss on the record (and the menus,
    // which hold the truth, re-publish their database on it).
    PartitionLosses tally =
        retrying(
            "record the loss",
            () ->
                (PartitionLosses)
                    opened
                        .partitionedMeta()
                        .invoke(
                            PartitionLosses.KEY,
                            new RecordPartitionLoss(lostPartitions, 0, Instant.now(), reporter)));
    if (tally == null) {
      return;
    }
    // no new replica becomes ready on a partial cache while this runs: the flag is set before
    // anything is restored, and a marker restored from the view comes back flagged
    retrying("flag the repair", () -> flagRepairing(opened));
    retrying("restore the meta records", () -> restoreMeta(opened));
    Long written = retrying("re-seed from the local view", () -> writeView(opened));
    if (written == null) {
      return;
    }
    retrying(
        "count the re-seeded dishes",
        () ->
            opened
                .partitionedMeta()
                .invoke(
                    PartitionLosses.KEY,
                    new RecordPartitionLoss(0, written, Instant.now(), reporter)));
    // The flag stays: only a menu, once it has re-published its database (the truth), clears it.
    // This member's view may itself be partial (a joiner whose view was still filling when the
    // owner died), so a refill from it alone never makes a new replica ready (RebalancingCrashIT
    // caught a joiner answering 404 for a dish while ready).
    reseededDishes.increment(written);
    localReseeds.incrementAndGet();
    log.warn(
        "Re-seeded {} dishes from this member's view after losing {} partition(s); cluster has"
            + " seen {} loss event(s)",
        written,
        lostPartitions,
        tally.events());
  }

  /**
   * Runs one repair step until it succeeds, backing off, for as long as this member runs: a partial
   * repair is never left as it is.
   */
  private <T> T retrying(String step, Supplier<T> work) {
    long backoff = 200;
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (worker.isShutdown() || caches.state() == CacheState.CLOSED) {
          log.warn("Partition-loss repair stopped at '{}': this member is leaving", step);
          return null;
        }
        log.warn(
            "Partition-loss repair: could not {} (attempt {}), retrying in {} ms: {}",
            step,
            attempt,
            backoff,
            e.toString());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return null;
        }
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  /** Writes every dish of this member's view back, each only if newer than what is held. */
  private long writeView(DishCaches.Opened opened) {
    Map<String, Dish> snapshot = new HashMap<>(opened.view());
    long written = 0;
    List<String> ids = new ArrayList<>(snapshot.keySet());
    for (int from = 0; from < ids.size(); from += batchSize) {
      Map<String, Dish> batch = new HashMap<>();
      for (String id : ids.subList(from, Math.min(from + batchSize, ids.size()))) {
        batch.put(id, snapshot.get(id));
      }
      written += VersionedBatch.write(opened.partitioned(), batch);
    }
    return written;
  }

  /** Restores what the lost partitions held of the meta records, from this member's meta view. */
  private Boolean restoreMeta(DishCaches.Opened opened) {
    Map<String, Object> meta = new HashMap<>(opened.meta());
    meta.forEach(
        (key, value) -> {
          Object restored =
              value instanceof DishesLoaded loaded ? loaded.withRepairing(true) : value;
          opened
              .partitionedMeta()
              .invoke(key, Processors.put(Filters.not(Filters.present()), restored));
        });
    return Boolean.TRUE;
  }

  private Boolean flagRepairing(DishCaches.Opened opened) {
    Object marker = opened.partitionedMeta().get(DishesLoaded.KEY);
    if (marker instanceof DishesLoaded loaded && !loaded.repairing()) {
      opened.partitionedMeta().put(DishesLoaded.KEY, loaded.withRepairing(true));
    }
    return Boolean.TRUE;
  }

  /** Loss events this member saw (it is the one that took over the lost partitions). */
  public long localLosses() {
    return localLosses.get();
  }

  /** Re-seeds this member completed. */
  public long localReseeds() {
    return localReseeds.get();
  }

  @Override
  public void destroy() {
    PartitionLossRelay.unregister(relayHandler);
    worker.shutdownNow();
  }
}
