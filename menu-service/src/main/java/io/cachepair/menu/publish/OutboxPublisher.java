package io.cachepair.menu.publish;

import io.cachepair.contract.dish.Dish;
import io.cachepair.menu.MenuProperties;
import io.cachepair.menu.dish.DishOutbox;
import io.cachepair.menu.dish.DishRepository;
import io.cachepair.menu.dish.DishesWritten;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pushes committed dish changes to the cluster and marks their outbox entries published.
 *
 * <p>Right after a commit it publishes the written dishes on the request thread; whatever did not
 * make it (cluster not open, a failed call, a crash between commit and publish) stays unpublished
 * in the outbox and is retried on a schedule with the dishes' current rows until the cluster took
 * them. It also re-publishes the whole database on demand (after partition losses). Exposes {@code
 * cachepair.outbox.backlog}.
 */
@Component
public class OutboxPublisher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

  private final DishOutbox outbox;
  private final DishRepository dishes;
  private final ClusterDishWriter writer;
  private final MenuProperties properties;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicBoolean republishPending = new AtomicBoolean();
  private final Object drainLock = new Object();
  private volatile ScheduledExecutorService scheduler;
  private volatile boolean warnedClosed;

  OutboxPublisher(
      DishOutbox outbox,
      DishRepository dishes,
      ClusterDishWriter writer,
      MenuProperties properties,
      MeterRegistry meters) {
    this.outbox = outbox;
    this.dishes = dishes;
    this.writer = writer;
    this.properties = properties;
    Gauge.builder("cachepair.outbox.backlog", backlog, AtomicLong::get)
        .description("Dish changes written to the menu database and not yet taken by the cluster")
        .register(meters);
  }

  /**
   * Publishes changes right after their transaction committed; a failure leaves them for the retry.
   *
   * @param written the committed changes
   */
  @EventListener
  public void onDishesWritten(DishesWritten written) {
    if (!writer.isOpen()) {
      refreshBacklog();
      return;
    }
    try {
      writer.write(written.dishes());
      outbox.markPublished(written.dishes());
    } catch (RuntimeException e) {
      log.warn(
          "Publishing {} dish change(s) failed, the outbox will retry: {}",
          written.dishes().size(),
          e.toString());
    }
    refreshBacklog();
  }

  /**
   * Publishes every unpublished outbox entry now, with the dishes' current rows.
   *
   * @return how many dishes were published
   */
  public int drain() {
    synchronized (drainLock) {
      int published = 0;
      if (!writer.isOpen()) {
        if (!warnedClosed && outbox.backlog() > 0) {
          log.info("Outbox holds unpublished changes; waiting for the dish caches to open");
          warnedClosed = true;
        }
        refreshBacklog();
        return 0;
      }
      while (true) {
        List<String> ids = outbox.unpublishedDishIds(properties.publishBatchSize());
        if (ids.isEmpty()) {
          break;
        }
        List<Dish> current = List.copyOf(dishes.findAll(ids).values());
        writer.write(current);
        outbox.markPublished(current);
        published += current.size();
        if (current.size() < ids.size() || ids.size() < properties.publishBatchSize()) {
          // ids without a row cannot be satisfied by a row; never loop on them
          break;
        }
      }
      if (published > 0) {
        log.info("Outbox: published {} pending dish change(s) to the cluster", published);
      }
      outbox.purgePublishedBefore(Instant.now().minus(properties.outboxRetention()));
      refreshBacklog();
      return published;
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
      applied += writer.write(slice);
      seen += slice.size();
      after = slice.get(slice.size() - 1).id();
    }
    log.warn(
        "Re-published {} dish row(s) from the menu database ({}): the cluster applied {} in {} ms",
        seen,
        reason,
        applied,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
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
