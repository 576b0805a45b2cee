package io.cachepair.menu.preload;

import com.tangosol.util.Aggregators;
import com.tangosol.util.Filters;
import com.tangosol.util.Processors;
import com.tangosol.util.extractor.PofExtractor;
import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.contract.meta.SeedRecord;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.menu.MenuProperties;
import io.cachepair.menu.dish.DishOutbox;
import io.cachepair.menu.dish.DishRepository;
import io.cachepair.menu.dish.MenuOrigin;
import io.cachepair.menu.publish.ClusterDishWriter;
import io.cachepair.menu.publish.ClusterRepair;
import io.cachepair.menu.record.DishRevisions;
import io.cachepair.menu.record.MenuDatabase;
import io.cachepair.menu.record.VersionSequence;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the cluster in line with the menu database — the one source of truth of every menu replica
 * — before this menu takes traffic, then writes the {@link DishesLoaded} marker.
 *
 * <p>Runs as an application runner, synchronously: Spring Boot accepts traffic only after runners
 * returned, and readiness stays down ({@code preload} says why) until it is done. It first checks
 * that the database is the cluster's ({@link DatabaseCheck}): a menu on another database, or one
 * behind the cluster, stays not ready and writes nothing, unless started with the reseed flag. Then
 * it seeds an empty cluster from the database, or reconciles a live one: newer rows to the cache,
 * foreign entries repaired, nothing from the cache into the database.
 */
@Component
class DishPreloader implements ApplicationRunner, Ordered {

  private static final Logger log = LoggerFactory.getLogger(DishPreloader.class);

  private final DishCaches caches;
  private final DishRepository dishes;
  private final DishRevisions revisions;
  private final DishOutbox outbox;
  private final VersionSequence versions;
  private final MenuDatabase database;
  private final ClusterDishWriter writer;
  private final ClusterRepair repair;
  private final ClusterReconciler reconciler;
  private final MenuOrigin origin;
  private final TransactionTemplate tx;
  private final PreloadProgress progress;
  private final MenuProperties properties;
  private final Timer duration;

  DishPreloader(
      DishCaches caches,
      DishRepository dishes,
      DishRevisions revisions,
      DishOutbox outbox,
      VersionSequence versions,
      MenuDatabase database,
      ClusterDishWriter writer,
      ClusterRepair repair,
      ClusterReconciler reconciler,
      MenuOrigin origin,
      TransactionTemplate tx,
      PreloadProgress progress,
      MenuProperties properties,
      MeterRegistry meters) {
    this.caches = caches;
    this.dishes = dishes;
    this.revisions = revisions;
    this.outbox = outbox;
    this.versions = versions;
    this.database = database;
    this.writer = writer;
    this.repair = repair;
    this.reconciler = reconciler;
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
      Optional<String> refusal = preload();
      if (refusal.isPresent()) {
        progress.refused(refusal.get());
        log.error("Not becoming ready: {}", refusal.get());
        return;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      duration.record(took);
      DishCaches.Opened opened = caches.await(properties.cacheTimeout());
      long live =
          reconciler.writeMarker(
              opened, "cold-start".equals(progress.mode()) || "preload".equals(progress.mode()));
      progress.finished(progress.mode(), live, took);
      log.info(
          "Preload done ({}): the cluster holds {} dishes, marker written; took {} ms",
          progress.mode(),
          live,
          took.toMillis());
    } catch (RuntimeException e) {
      progress.failed(e);
      log.error("Preload failed: the menu cannot take traffic", e);
      throw e;
    }
  }

  /** Runs the preload; returns why this menu must not become ready, if it must not. */
  private Optional<String> preload() {
    boolean databaseWasEmpty = dishes.countAll() == 0;
    generateIfAsked(databaseWasEmpty);

    progress.start(PreloadProgress.Phase.WAITING_FOR_CACHES, 0);
    log.info("Waiting for the dish caches ({})", caches.state());
    DishCaches.Opened opened = caches.await(properties.cacheTimeout());

    // rows written before versions came from the one sequence keep theirs: never hand them out
    versions.advancePast(dishes.maxVersion());
    String identity = database.identity();
    long highWater = versions.highWater();
    Optional<SeedRecord> seed = seedRecord(opened);
    long entries = opened.partitioned().size();
    long clusterMax = entries == 0 ? 0 : clusterMaxVersion(opened);
    DatabaseCheck check =
        DatabaseCheck.decide(identity, highWater, seed, entries, clusterMax, properties.reseed());
    log.info("Menu database {}: {} ({})", identity, check.action(), check.reason());
    switch (check.action()) {
      case REFUSE -> {
        return Optional.of(check.reason());
      }
      case SEED -> {
        Optional<SeedRecord> rival = claimSeed(opened, identity, highWater);
        if (rival.isPresent()) {
          return Optional.of(
              "another menu seeded this cluster from database "
                  + rival.get().databaseIdentity()
                  + " at the same moment; this menu's database is "
                  + identity);
        }
        String mode = "preload";
        if (databaseWasEmpty && properties.sampleMenu()) {
          seedSampleMenu();
          mode = "cold-start";
        }
        streamIntoCache();
        progress.mode(mode);
      }
      case RECONCILE, ADOPT -> {
        versions.advancePast(clusterMax);
        reconciler.reconcile(opened, progress);
        if (check.action() == DatabaseCheck.Action.ADOPT) {
          putSeed(opened, identity);
        }
        progress.mode("reconcile");
      }
      case RESEED -> {
        versions.advancePast(clusterMax);
        reseed(opened);
        putSeed(opened, identity);
        progress.mode("reseed");
      }
      default -> throw new IllegalStateException("unexpected " + check.action());
    }
    return Optional.empty();
  }

  private void generateIfAsked(boolean databaseWasEmpty) {
    int generate = properties.generate();
    if (databaseWasEmpty && generate > 0) {
      progress.start(PreloadProgress.Phase.GENERATING, generate);
      long t0 = System.nanoTime();
      SyntheticDishes.generate(generate, origin.value(), dishes, revisions, versions, tx, progress);
      log.info(
          "Generated {} synthetic dishes into the empty menu database in {} ms",
          generate,
          Duration.ofNanos(System.nanoTime() - t0).toMillis());
    } else if (generate > 0) {
      log.info("cachepair.menu.generate={} ignored: the menu database is not empty", generate);
    }
  }

  private void seedSampleMenu() {
    progress.start(PreloadProgress.Phase.SEEDING, 0);
    List<Dish> sample =
        SampleMenu.dishes(versions.next(SampleMenu.size()), Instant.now(), origin.value());
    tx.executeWithoutResult(
        status -> {
          dishes.insertAll(sample);
          revisions.record(sample, "sample-menu");
        });
    log.info("Cold start (empty database, empty cluster): seeded {} sample dishes", sample.size());
  }

  private static Optional<SeedRecord> seedRecord(DishCaches.Opened opened) {
    return Optional.ofNullable(opened.partitionedMeta().get(SeedRecord.KEY))
        .filter(SeedRecord.class::isInstance)
        .map(SeedRecord.class::cast);
  }

  /** Records this database as the seed unless another is recorded already; returns that one. */
  private Optional<SeedRecord> claimSeed(
      DishCaches.Opened opened, String identity, long highWater) {
    SeedRecord mine = new SeedRecord(identity, highWater, Instant.now(), origin.value());
    Object held =
        opened
            .partitionedMeta()
            .invoke(SeedRecord.KEY, Processors.put(Filters.not(Filters.present()), mine, true));
    return Optional.ofNullable(held)
        .filter(SeedRecord.class::isInstance)
        .map(SeedRecord.class::cast)
        .filter(rival -> !rival.databaseIdentity().equals(identity));
  }

  private void putSeed(DishCaches.Opened opened, String identity) {
    opened
        .partitionedMeta()
        .put(
            SeedRecord.KEY,
            new SeedRecord(identity, versions.highWater(), Instant.now(), origin.value()));
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

  /** Writes every row again under a new version and deletes what the database lacks. */
  private void reseed(DishCaches.Opened opened) {
    Set<String> clusterIds = new HashSet<>(opened.partitioned().keySet());
    long total = dishes.countAll();
    progress.start(PreloadProgress.Phase.RESEEDING, total + clusterIds.size());
    String after = "";
    long rewritten = 0;
    while (true) {
      List<Dish> slice = dishes.sliceAfter(after, properties.preloadBatchSize());
      if (slice.isEmpty()) {
        break;
      }
      after = slice.get(slice.size() - 1).id();
      List<Dish> fresh =
          tx.execute(
              status -> {
                Map<String, Dish> locked = dishes.lockAll(slice.stream().map(Dish::id).toList());
                List<Long> drawn = versions.next(locked.size());
                List<Dish> next = new ArrayList<>(locked.size());
                int i = 0;
                for (Dish row : locked.values()) {
                  next.add(
                      row.toBuilder()
                          .version(drawn.get(i++))
                          .updatedAt(Instant.now())
                          .origin(origin.value())
                          .build());
                }
                dishes.updateAll(next);
                revisions.record(next, "reseed");
                return next;
              });
      writer.write(fresh);
      fresh.forEach(d -> clusterIds.remove(d.id()));
      rewritten += fresh.size();
      progress.advance(slice.size());
    }
    long deleted = 0;
    for (Dish foreign : writer.held(clusterIds).values()) {
      if (repair.replace(foreign).isPresent()) {
        deleted++;
      }
      progress.advance(1);
    }
    log.warn(
        "Reseeded the cluster from this menu's database: {} rows written again under new"
            + " versions, {} entries the database lacks deleted",
        rewritten,
        deleted);
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

  private static long clusterMaxVersion(DishCaches.Opened opened) {
    Object max =
        opened
            .partitioned()
            .aggregate(
                Aggregators.comparableMax(new PofExtractor<Dish, Long>(Long.class, Dish.VERSION)));
    return max instanceof Number n ? n.longValue() : 0;
  }

  /** Before any other runner: nothing else should see the menu before its dishes are in line. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
