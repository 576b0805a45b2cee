package io.cachepair.order.readiness;

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
 * Whether this member's replica of the dishes is complete now: the {@link DishesLoaded} marker a
 * menu wrote after loading the cluster is in this member's meta view — and it lives in the
 * cluster's own cache, so it is gone when the data is gone (this member cut off into an island of
 * its own, its dish service restarted empty). Checked on every order, continuously, so a replica
 * never prices from a partial view; a menu being down changes nothing.
 *
 * <p>While lost partitions are being refilled the marker says {@code repairing}: a member that was
 * already complete in that load (its view kept every dish) stays complete; a new one waits.
 */
@Component
public class CompleteReplica {

  private static final Logger log = LoggerFactory.getLogger(CompleteReplica.class);

  private final DishCaches caches;
  private final String clusterName;
  private final Clock clock;

  private volatile long completeInEpoch = Long.MIN_VALUE;
  private volatile Instant firstCompleteAt;
  private volatile boolean wasComplete;

  /**
   * Creates the check.
   *
   * @param caches this member's caches, which may still be opening
   * @param environment where the configured cluster name is read, for messages
   * @param clock when the replica was first complete
   */
  public CompleteReplica(DishCaches caches, Environment environment, Clock clock) {
    this.caches = caches;
    this.clusterName = environment.getProperty("coherence.cluster", "cachepair-local");
    this.clock = clock;
  }

  /** Whether the local replica holds every dish now. */
  public boolean isComplete() {
    return incompleteReason().isEmpty();
  }

  /** Why the local replica is not complete now, or empty when it is. */
  public Optional<String> incompleteReason() {
    Optional<DishesLoaded> marker = marker();
    String reason = null;
    if (caches.ifOpen().isEmpty()) {
      reason = "the local replica of the dishes is not open yet (" + caches.state() + ")";
    } else if (marker.isEmpty()) {
      reason =
          "the dishes are not loaded in cluster "
              + clusterName
              + " now: never loaded, or this member's dish service restarted or is cut off from"
              + " the others";
    } else if (marker.get().repairing() && marker.get().epoch() != completeInEpoch) {
      reason = "lost partitions of cluster " + clusterName + " are being refilled";
    } else {
      completeInEpoch = marker.get().epoch();
    }
    track(reason);
    return Optional.ofNullable(reason);
  }

  private void track(String reason) {
    boolean complete = reason == null;
    if (complete != wasComplete) {
      wasComplete = complete;
      if (complete) {
        if (firstCompleteAt == null) {
          firstCompleteAt = clock.instant();
        }
        log.info("The local replica is complete: taking orders ({})", marker().orElse(null));
      } else {
        log.warn("The local replica is not complete any more: {}", reason);
      }
    }
  }

  /** The marker in this member's meta view, if it is there and this build understands it. */
  public Optional<DishesLoaded> marker() {
    return caches
        .ifOpen()
        .map(opened -> opened.meta().get(DishesLoaded.KEY))
        .filter(DishesLoaded.class::isInstance)
        .map(DishesLoaded.class::cast);
  }

  /** When this member first found its replica complete, if it did. */
  public Optional<Instant> firstCompleteAt() {
    return Optional.ofNullable(firstCompleteAt);
  }

  /** The configured cluster name. */
  public String clusterName() {
    return clusterName;
  }

  /** Where the local replica is, for the details of a refusal. */
  public CacheState replicaState() {
    return caches.state();
  }
}
