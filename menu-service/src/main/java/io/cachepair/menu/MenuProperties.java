package io.cachepair.menu;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the menu ({@code cachepair.menu.*}, env {@code CACHEPAIR_MENU_*}).
 *
 * @param origin the name this menu instance writes revisions with; empty for the Coherence member
 *     name or else the host name
 * @param generate how many synthetic dishes to generate into an empty database before preload
 * @param sampleMenu whether an empty database in an empty cluster is seeded with the sample menu
 *     (the local profile turns it on; off in production)
 * @param reseed start-up only: make the cluster equal to this menu's database even though the
 *     cluster was seeded by another database or holds newer versions (each row is written again
 *     under a new version; ids the database lacks are deleted)
 * @param preloadBatchSize how many dishes one preload/reconcile/re-publish call writes
 * @param cacheTimeout how long preload waits for the dish caches to open
 * @param publishWait how long a write's answer waits for its publish to the cluster before it
 *     leaves it to the outbox retry
 * @param publishInterval how often the outbox backlog is retried
 * @param publishBatchSize how many outbox entries one retry pass claims at most
 * @param claimLease how long a menu holds the outbox entries it claimed before others may take them
 * @param outboxRetention how long published outbox entries are kept before they are purged
 * @param revisionRetention how long dish revisions are kept (each dish's newest is always kept)
 * @param tombstoneHorizon how long a delete's tombstone is kept before it is purged from the
 *     database and the cache; longer than any isolation a member may return from plus the views'
 *     reconnect interval
 * @param maxBatchDishes the most dishes one {@code POST /api/dishes/batch} may carry
 */
@ConfigurationProperties("cachepair.menu")
public record MenuProperties(
    String origin,
    Integer generate,
    Boolean sampleMenu,
    Boolean reseed,
    Integer preloadBatchSize,
    Duration cacheTimeout,
    Duration publishWait,
    Duration publishInterval,
    Integer publishBatchSize,
    Duration claimLease,
    Duration outboxRetention,
    Duration revisionRetention,
    Duration tombstoneHorizon,
    Integer maxBatchDishes) {

  public MenuProperties {
    origin = origin == null ? "" : origin.trim();
    generate = generate == null ? 0 : generate;
    sampleMenu = sampleMenu != null && sampleMenu;
    reseed = reseed != null && reseed;
    preloadBatchSize = preloadBatchSize == null ? 2000 : preloadBatchSize;
    cacheTimeout = cacheTimeout == null ? Duration.ofMinutes(10) : cacheTimeout;
    publishWait = publishWait == null ? Duration.ofSeconds(2) : publishWait;
    publishInterval = publishInterval == null ? Duration.ofSeconds(1) : publishInterval;
    publishBatchSize = publishBatchSize == null ? 2000 : publishBatchSize;
    claimLease = claimLease == null ? Duration.ofSeconds(30) : claimLease;
    outboxRetention = outboxRetention == null ? Duration.ofHours(1) : outboxRetention;
    revisionRetention = revisionRetention == null ? Duration.ofDays(30) : revisionRetention;
    tombstoneHorizon = tombstoneHorizon == null ? Duration.ofDays(7) : tombstoneHorizon;
    maxBatchDishes = maxBatchDishes == null ? 10_000 : maxBatchDishes;
    if (generate < 0) {
      throw new IllegalArgumentException("cachepair.menu.generate must be >= 0, was " + generate);
    }
    if (preloadBatchSize < 1 || publishBatchSize < 1 || maxBatchDishes < 1) {
      throw new IllegalArgumentException(
          "cachepair.menu batch sizes must be >= 1 (preload-batch-size, publish-batch-size,"
              + " max-batch-dishes)");
    }
  }
}
