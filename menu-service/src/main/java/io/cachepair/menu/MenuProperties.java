package io.cachepair.menu;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the menu ({@code cachepair.menu.*}, env {@code CACHEPAIR_MENU_*}).
 *
 * @param origin the name this menu writes dishes with; empty to use the one generated once and kept
 *     in the database
 * @param generate how many synthetic dishes to generate into an empty database before preload
 * @param preloadBatchSize how many dishes one preload/reconcile/re-publish call writes
 * @param cacheTimeout how long preload waits for the dish caches to open
 * @param publishInterval how often the publisher retries unpublished outbox entries
 * @param publishBatchSize how many outbox entries one retry pass publishes at most
 * @param outboxRetention how long published outbox entries are kept before they are purged
 * @param maxBatchDishes the most dishes one {@code POST /api/dishes/batch} may carry
 */
@ConfigurationProperties("cachepair.menu")
public record MenuProperties(
    String origin,
    Integer generate,
    Integer preloadBatchSize,
    Duration cacheTimeout,
    Duration publishInterval,
    Integer publishBatchSize,
    Duration outboxRetention,
    Integer maxBatchDishes) {

  public MenuProperties {
    origin = origin == null ? "" : origin.trim();
    generate = generate == null ? 0 : generate;
    preloadBatchSize = preloadBatchSize == null ? 2000 : preloadBatchSize;
    cacheTimeout = cacheTimeout == null ? Duration.ofMinutes(10) : cacheTimeout;
    publishInterval = publishInterval == null ? Duration.ofSeconds(1) : publishInterval;
    publishBatchSize = publishBatchSize == null ? 2000 : publishBatchSize;
    outboxRetention = outboxRetention == null ? Duration.ofHours(1) : outboxRetention;
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
