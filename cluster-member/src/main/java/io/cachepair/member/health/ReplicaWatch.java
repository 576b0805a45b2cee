package io.cachepair.member.health;

import com.tangosol.internal.net.SessionNamedCache;
import com.tangosol.net.NamedCache;
import com.tangosol.net.cache.ContinuousQueryCache;
import io.cachepair.member.cache.DishCaches;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Watches whether this member's local view is connected to the dish service, and since when it is
 * not: a view cut off (its member hung or isolated, its dish service restarting) keeps serving what
 * it holds for at most its reconnect interval, and that staleness is what readiness, a metric and a
 * response header report.
 *
 * <p>The view is a {@link ContinuousQueryCache}; its state is read every {@code pollInterval} on a
 * thread of its own, so callers on the order path read two volatile fields.
 */
public class ReplicaWatch implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ReplicaWatch.class);

  private final DishCaches caches;
  private final Clock clock;
  private final ScheduledExecutorService poller;
  private volatile boolean synchronizedNow;
  private volatile Instant disconnectedSince;
  private volatile long reconnectIntervalMillis;

  /**
   * Starts watching once the caches are open.
   *
   * @param caches the member's caches
   * @param pollInterval how often the view's state is read
   * @param clock the clock staleness is measured with
   */
  public ReplicaWatch(DishCaches caches, Duration pollInterval, Clock clock) {
    this.caches = caches;
    this.clock = clock;
    this.poller = DaemonScheduler.named("replica-watch");
    caches
        .whenOpen()
        .thenRun(
            () ->
                poller.scheduleWithFixedDelay(
                    this::check, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS));
  }

  private void check() {
    try {
      Optional<ContinuousQueryCache<?, ?, ?>> view =
          caches.ifOpen().map(DishCaches.Opened::view).flatMap(ReplicaWatch::unwrap);
      if (view.isEmpty()) {
        return;
      }
      ContinuousQueryCache<?, ?, ?> cqc = view.get();
      reconnectIntervalMillis = cqc.getReconnectInterval();
      boolean now = cqc.isActive() && cqc.getState() == ContinuousQueryCache.STATE_SYNCHRONIZED;
      if (now != synchronizedNow) {
        if (now) {
          log.info(
              "Local view connected to the dish service again{}",
              disconnectedSince == null ? "" : " after " + staleness().toMillis() + " ms");
          disconnectedSince = null;
        } else {
          disconnectedSince = clock.instant();
          log.warn(
              "Local view cut off from the dish service (state {}): serving what it holds for at"
                  + " most {} ms",
              cqc.getState(),
              reconnectIntervalMillis);
        }
        synchronizedNow = now;
      }
    } catch (RuntimeException e) {
      log.debug("Could not read the view's state", e);
    }
  }

  /** The view behind a session's cache, when it is one. */
  static Optional<ContinuousQueryCache<?, ?, ?>> unwrap(NamedCache<?, ?> cache) {
    NamedCache<?, ?> inner =
        cache instanceof SessionNamedCache<?, ?> session ? session.getInternalNamedCache() : cache;
    return inner instanceof ContinuousQueryCache<?, ?, ?> cqc ? Optional.of(cqc) : Optional.empty();
  }

  /** Whether the view is connected and synchronized right now. */
  public boolean isConnected() {
    return synchronizedNow;
  }

  /**
   * How long the view has been cut off from the dish service, zero while it is connected: the most
   * stale a dish it serves can be, bounded by the reconnect interval.
   */
  public Duration staleness() {
    Instant since = disconnectedSince;
    return since == null ? Duration.ZERO : Duration.between(since, clock.instant());
  }

  /** The view's reconnect interval (how long it serves while cut off). */
  public Duration reconnectInterval() {
    return Duration.ofMillis(reconnectIntervalMillis);
  }

  @Override
  public void destroy() {
    poller.shutdownNow();
  }
}
