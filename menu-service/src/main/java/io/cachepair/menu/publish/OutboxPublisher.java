package io.cachepair.menu.publish;

import io.cachepair.contract.dish.Dish;
import io.cachepair.menu.MenuProperties;
import io.cachepair.menu.dish.DishOutbox;
import io.cachepair.menu.dish.DishRepository;
import io.cachepair.menu.dish.DishesWritten;
import io.cachepair.menu.dish.MenuOrigin;
import io.cachepair.menu.record.DishRevisions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pushes committed dish changes to the cluster and marks their outbox entries published — only once
 * the cluster holds them (see {@link Publication}).
 *
 * <p>Right after a commit it publishes the written dishes on a publisher thread and lets the
 * request wait for that at most {@code cachepair.menu.publish-wait}: the commit is what the answer
 * acknowledges, so a slow or hung member never holds a write's answer longer. Whatever did not make
 * it stays unpublished in the shared outbox; every menu retries that backlog on a schedule, each
 * claiming entries nobody else holds. It also re-publishes the whole database on demand (after
 * partition losses) and purges old outbox entries and revisions. Exposes {@code
 * cachepair.outbox.backlog}.
 */
@Component
public class OutboxPublisher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

  private final DishOutbox outbox;
  private final DishRepository dishes;
  private final DishRevisions revisions;
  private final Publication publication;
  private final ClusterDishWriter writer;
  private final MenuProperties properties;
  private final MenuOrigin origin;
  private final TransactionTemplate tx;
  private final TombstonePurge tombstones;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicBoolean republishPending = new AtomicBoolean();
  private final Object drainLock = new Object();
  private volatile ScheduledExecutorService scheduler;
  private volatile ThreadPoolExecutor afterCommit;
  private volatile boolean warnedClosed;
  private volatile Instant lastPurge = Instant.EPOCH;

  OutboxPublisher(
      DishOutbox outbox,
      DishRepository dishes,
      DishRevisions revisions,
      Publication publication,
      ClusterDishWriter writer,
      MenuProperties properties,
      MenuOrigin origin,
      TransactionTemplate tx,
      TombstonePurge tombstones,
      MeterRegistry meters) {
    this.outbox = outbox;
    this.dishes = dishes;
    this.revisions = revisions;
    this.publication = publication;
    this.writer = writer;
    this.properties = properties;
    this.origin = origin;
    this.tx = tx;
    this.tombstones = tombstones;
    Gauge.builder("cachepair.outbox.backlog", backlog, AtomicLong::get)
        .description("Dish changes written to the menu database and not yet taken by the cluster")
        .register(meters);
  }

  /**
   * Publishes changes right after their transaction committed, waiting a bounded time; a failure or
   * a timeout leaves them to the retry.
   *
   * @param written the committed changes
   */
  @EventListener
  public void onDishesWritten(DishesWritten written) {
    ThreadPoolExecutor executor = afterCommit;
    if (executor == null || !writer.isOpen()) {
      return;
    }
    Future<?> publish;
    try {
      publish = executor.submit(() -> publishAndMark(written.dishes()));
    } catch (RejectedExecutionException e) {
      return; // the publisher threads are all busy (a hung member?): the outbox retries
    }
    try {
      publish.get(properties.publishWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn(
          "Publishing {} dish change(s) takes longer than {}; answering now, the outbox retries",
          written.dishes().size(),
          properties.publishWait());
    } catch (ExecutionException e) {
      log.warn(
          "Publishing {} dish change(s) failed, the outbox will retry: {}",
          written.dishes().size(),
          e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void publishAndMark(List<Dish> rows) {
    Publication.Result result = publication.publish(rows);
    outbox.markPublished(result.settled());
  }

  /**
   * Publishes every unpublished outbox entry this menu can claim now, with the dishes' current
   * rows.
   *
   * @return how many dishes were settled
   */
  public int drain() {
    synchronized (drainLock) {
      if (!writer.isOpen()) {
        if (!warnedClosed && outbox.backlog() > 0) {
          log.info("Outbox holds unpublished changes; waiting for the dish caches to open");
          warnedClosed = true;
        }
        refreshBacklog();
        return 0;
      }
      int settled = 0;
      int repaired = 0;
      while (true) {
        List<DishOutbox.Claimed> claimed =
            tx.execute(
                status ->
                    outbox.claim(
                        origin.value(), properties.claimLease(), properties.publishBatchSize()));
        if (claimed == null || claimed.isEmpty()) {
          break;
        }
        Set<String> ids =
            claimed.stream().map(DishOutbox.Claimed::dishId).collect(Collectors.toSet());
        Map<String, Dish> rows = dishes.findAll(ids);
        Publication.Result result;
        try {
          result = publication.publish(rows.values());
        } catch (RuntimeException e) {
          outbox.release(claimed);
          throw e;
        }
        outbox.markPublished(result.settled());
        Set<String> unresolved =
            result.unresolved().stream().map(Dish::id).collect(Collectors.toSet());
        List<DishOutbox.Claimed> giveBack = new ArrayList<>();
        claimed.forEach(
            c -> {
              if (unresolved.contains(c.dishId())) {
                giveBack.add(c);
              }
            });
        outbox.release(giveBack);
        settled += result.settled().size();
        repaired += result.repaired();
        if (!giveBack.isEmpty() || claimed.size() < properties.publishBatchSize()) {
          break; // what is left is retried on the next pass, not in a tight loop
        }
      }
      if (settled > 0) {
        log.info(
            "Outbox: published {} pending dish change(s) to the cluster ({} repaired)",
            settled,
            repaired);
      }
      purgeNowAndThen();
      refreshBacklog();
      return settled;
    }
  }

  private void purgeNowAndThen() {
    Instant now = Instant.now();
    if (Duration.between(lastPurge, now).compareTo(Duration.ofMinutes(1)) < 0) {
      return;
    }
    lastPurge = now;
    outbox.purgePublishedBefore(now.minus(properties.outboxRetention()));
    tombstones.purge(now);
    int purged = revisions.purgeBefore(now.minus(properties.revisionRetention()));
    if (purged > 0) {
      log.info(
          "Purged {} dish revision(s) older than {} (each dish keeps its newest)",
          purged,
          properties.revisionRetention());
    }
  }

  /**
   * Writes every row of the database, tombstones included, to the cluster again (versioned, so
   * nothing newer there is overwritten). Runs on the publisher's thread; requests made while one is
   * pending are merged into it.
   *
   * @param reason why, for the log
   */
  public void republishAllSoon(String reason) {
    ScheduledExecutorService s = scheduler;
    if (s != null && republishPending.compareAndSet(false, true)) {
      s.execute(
          () -> {
            republishPending.set(false);
            republishAll(reason);
          });
    }
  }

  /**
   * Re-publishes the whole database synchronously.
   *
   * @param reason why, for the log
   * @return how many dishes the cluster applied
   */
  public int republishAll(String reason) {
    long started = System.nanoTime();
    int seen = 0;
    int applied = 0;
    String after = "";
    while (true) {
      List<Dish> slice = dishes.sliceAfter(after, properties.preloadBatchSize());
      if (slice.isEmpty()) {
        break;
      }
      applied += (int) writer.write(slice).values().stream().filter(Boolean.TRUE::equals).count();
      seen += slice.size();
      after = slice.get(slice.size() - 1).id();
    }
    log.warn(
        "Re-published {} dish row(s) from the menu database ({}): the cluster applied {} in {} ms",
        seen,
        reason,
        applied,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    // the database is the truth: with every row in, the repair is complete whatever views did
    writer.markComplete();
    return applied;
  }

  /** Unpublished outbox entries, as last counted. */
  public long backlog() {
    return backlog.get();
  }

  private void refreshBacklog() {
    try {
      backlog.set(outbox.backlog());
    } catch (RuntimeException e) {
      log.debug("Could not count the outbox backlog", e);
    }
  }

  private void retryPass() {
    try {
      drain();
    } catch (RuntimeException e) {
      log.warn(
          "Outbox retry failed, will retry in {}: {}", properties.publishInterval(), e.toString());
    }
  }

  @Override
  public void start() {
    afterCommit =
        new ThreadPoolExecutor(
            2,
            2,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000),
            r -> {
              Thread t = new Thread(r, "publish-after-commit");
              t.setDaemon(true);
              return t;
            });
    ScheduledExecutorService s =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "outbox-publisher");
              t.setDaemon(true);
              return t;
            });
    long interval = properties.publishInterval().toMillis();
    s.scheduleWithFixedDelay(this::retryPass, interval, interval, TimeUnit.MILLISECONDS);
    scheduler = s;
  }

  @Override
  public void stop() {
    ScheduledExecutorService s = scheduler;
    scheduler = null;
    if (s != null) {
      s.shutdownNow();
    }
    ThreadPoolExecutor a = afterCommit;
    afterCommit = null;
    if (a != null) {
      a.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  /** Stops after the web server drained its requests and before the dish caches close. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1536;
  }
}
