package io.cachepair.order.readiness;

import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.member.cache.CacheState;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.StorageQuorum;
import io.cachepair.member.health.ReplicaWatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
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
  private final StorageQuorum quorum;
  private final DishAbsence absence;
  private final ReplicaWatch watch;
  private final Clock clock;

  private volatile long completeInEpoch = Long.MIN_VALUE;
  private volatile Instant firstCompleteAt;
  private volatile boolean wasComplete;

  /**
   * Creates the check.
   *
   * @param caches this member's caches, which may still be opening
   * @param watch how long this member's view has been cut off from the dish service
   * @param quorum the storage members the dish service needs, as this member sees them
   * @param environment where the configured cluster name is read, for messages
   * @param clock when the replica was first complete
   */
  public CompleteReplica(
      DishCaches caches,
      ReplicaWatch watch,
      StorageQuorum quorum,
      Environment environment,
      Clock clock) {
    this.caches = caches;
    this.watch = watch;
    this.quorum = quorum;
    this.clusterName = environment.getProperty("coherence.cluster", "cachepair-local");
    this.absence = new DishAbsence(caches, clusterName);
    this.clock = clock;
  }

  /** Whether the local replica holds every dish now. */
  public boolean isComplete() {
    return incompleteReason().isEmpty();
  }

  /** Why the local replica is not complete now, or empty when it is. */
  public Optional<String> incompleteReason() {
    String reason;
    try {
      reason = reasonNow();
    } catch (RuntimeException e) {
      // the view throws while its member is cut off or rejoining (service stopped, internal cache
      // reset, request timeout): that is an incomplete replica, never an internal error
      reason =
          "the local replica cannot be read now ("
              + e.getClass().getSimpleName()
              + "): this member is cut off from the cluster or rejoining it";
    }
    track(reason);
    return Optional.ofNullable(reason);
  }

  private String reasonNow() {
    Optional<DishCaches.Opened> opened = caches.ifOpen();
    if (opened.isEmpty()) {
      return "the local replica of the dishes is not open yet (" + caches.state() + ")";
    }
    Duration stale = watch.staleness();
    Duration bound = watch.reconnectInterval();
    if (!bound.isZero() && stale.compareTo(bound) > 0) {
      // the view would re-synchronize on the next read, blocking it up to the request timeout:
      // answer now instead, so no order is priced from a view older than the documented bound
      return "this member's view has been cut off from the dish service for "
          + stale.toSeconds()
          + " s, longer than its reconnect interval ("
          + bound.toSeconds()
          + " s)";
    }
    OptionalInt present = quorum.shortfall();
    if (present.isPresent()) {
      // In a minority island this member may own partitions the majority has since restored and
      // written to; its view, and the owner it would ask before calling a dish unknown, are
      // itself. Only the side holding the quorum is complete (as only there do menus write).
      return "this member sees "
          + present.getAsInt()
          + " of the "
          + quorum.required()
          + " storage members the dish service's quorum needs (cachepair.cache.quorum): it is"
          + " cut off in a minority island";
    }
    Optional<DishesLoaded> marker = readMarker();
    if (marker.isEmpty()) {
      return "the dishes are not loaded in cluster "
          + clusterName
          + " now: never loaded, or this member's dish service restarted or is cut off from"
          + " the others";
    }
    if (marker.get().repairing() && marker.get().epoch() != completeInEpoch) {
      return "lost partitions of cluster " + clusterName + " are being refilled";
    }
    completeInEpoch = marker.get().epoch();
    return null;
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

  /**
   * The marker in this member's meta view, if it is there, can be read now and this build
   * understands it.
   */
  public Optional<DishesLoaded> marker() {
    try {
      return readMarker();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private Optional<DishesLoaded> readMarker() {
    return caches
        .ifOpen()
        .map(opened -> opened.meta().get(DishesLoaded.KEY))
        .filter(DishesLoaded.class::isInstance)
        .map(DishesLoaded.class::cast);
  }

  /**
   * Whether this replica may call a dish it does not hold unknown: only when the cluster confirms
   * it (see {@link DishAbsence}) — a replica cut off without knowing it yet, or one that fell
   * behind, must not. Remote calls, bounded by the dish service's request timeout; only for the
   * error path.
   *
   * @param dishId a dish the local replica does not hold
   * @return why the replica cannot say the dish is unknown, or empty when the cluster confirms it
   */
  public Optional<String> behindOn(String dishId) {
    Optional<String> unconfirmed = absence.unconfirmed(dishId);
    if (unconfirmed.isPresent()) {
      return unconfirmed;
    }
    // the confirmation may have waited on a member that left meanwhile
    return incompleteReason();
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
