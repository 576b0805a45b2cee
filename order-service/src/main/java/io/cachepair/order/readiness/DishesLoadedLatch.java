package io.cachepair.order.readiness;

import com.tangosol.util.MapEvent;
import com.tangosol.util.MapListener;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.member.cache.CacheState;
import io.cachepair.member.cache.DishCaches;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Trips the first time this member's meta view holds {@link DishesLoaded#KEY} and then stays
 * tripped, so that an order-service started alone takes no order, and one that has seen the dishes
 * loaded keeps taking orders whatever happens to the menus.
 */
@Component
public class DishesLoadedLatch {

  private static final Logger log = LoggerFactory.getLogger(DishesLoadedLatch.class);

  private final DishCaches caches;
  private final String clusterName;
  private final Clock clock;
  private final MapListener<String, Object> listener = new MarkerListener();

  private volatile Instant trippedAt;
  private volatile DishesLoaded firstSeen;

  /**
   * Starts watching the meta view as soon as the caches are open.
   *
   * @param caches this member's caches, which may still be opening
   * @param environment where the configured cluster name is read, for messages
   * @param clock when the latch tripped
   */
  public DishesLoadedLatch(DishCaches caches, Environment environment, Clock clock) {
    this.caches = caches;
    this.clusterName = environment.getProperty("coherence.cluster", "cachepair-local");
    this.clock = clock;
    caches
        .whenOpen()
        .thenAccept(
            opened -> {
              opened.meta().addMapListener(listener, DishesLoaded.KEY, true);
              check();
            });
  }

  /** Whether the dishes were loaded into the cluster at least once since this member started. */
  public boolean isTripped() {
    if (trippedAt == null) {
      check();
    }
    return trippedAt != null;
  }

  /** When this member first saw the marker, if it did. */
  public Optional<Instant> trippedAt() {
    return Optional.ofNullable(trippedAt);
  }

  /** The marker as first seen, if it was a {@link DishesLoaded} this build understands. */
  public Optional<DishesLoaded> firstSeen() {
    return Optional.ofNullable(firstSeen);
  }

  /** Why this member is not ready to take orders, as readiness and refusals say it. */
  public String notLoadedReason() {
    return "dishes never loaded in cluster " + clusterName;
  }

  /** The configured cluster name. */
  public String clusterName() {
    return clusterName;
  }

  /** Where the local replica is, for the details of a refusal. */
  public CacheState replicaState() {
    return caches.state();
  }

  private void check() {
    caches
        .ifOpen()
        .ifPresent(
            opened -> {
              Object marker = opened.meta().get(DishesLoaded.KEY);
              if (marker != null) {
                trip(marker);
                opened.meta().removeMapListener(listener, DishesLoaded.KEY);
              }
            });
  }

  private synchronized void trip(Object marker) {
    if (trippedAt != null) {
      return;
    }
    // Any value under the key counts: a newer contract may carry a richer marker.
    firstSeen = marker instanceof DishesLoaded loaded ? loaded : null;
    trippedAt = clock.instant();
    log.info("Dishes were loaded in cluster {} ({}): taking orders", clusterName, marker);
  }

  /** Re-checks the marker whenever its entry changes in the meta view. */
  private final class MarkerListener implements MapListener<String, Object> {

    @Override
    public void entryInserted(MapEvent<String, Object> event) {
      check();
    }

    @Override
    public void entryUpdated(MapEvent<String, Object> event) {
      check();
    }

    @Override
    public void entryDeleted(MapEvent<String, Object> event) {}
  }
}
