package io.cachepair.menu.publish;

import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.dish.RemoveIfRevision;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.menu.MenuProperties;
import io.cachepair.menu.dish.DishRepository;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Purges tombstones older than the horizon from the menu database and from the cache. Safe only
 * because versions are never reused (a re-created dish gets a newer version whether or not its
 * tombstone is still there) and the horizon is longer than any isolation a member may come back
 * from plus the views' reconnect interval: nothing older than the horizon can be replayed. A member
 * away longer re-synchronizes its view from the cluster before it is ready.
 */
@Component
public class TombstonePurge {

  private static final Logger log = LoggerFactory.getLogger(TombstonePurge.class);

  private final DishRepository dishes;
  private final DishCaches caches;
  private final MenuProperties properties;

  TombstonePurge(DishRepository dishes, DishCaches caches, MenuProperties properties) {
    this.dishes = dishes;
    this.caches = caches;
    this.properties = properties;
  }

  /**
   * Purges the tombstones older than the horizon, a batch at a time; any menu may run it at any
   * time, several at once (each removal is conditional on the exact tombstone).
   *
   * @param now the current time
   * @return how many tombstones were purged
   */
  public int purge(Instant now) {
    DishCaches.Opened opened = caches.ifOpen().orElse(null);
    if (opened == null) {
      return 0;
    }
    Instant horizon = now.minus(properties.tombstoneHorizon());
    int purged = 0;
    while (true) {
      List<Dish> old = dishes.tombstonesBefore(horizon, properties.publishBatchSize());
      if (old.isEmpty()) {
        break;
      }
      for (Dish tombstone : old) {
        opened.partitioned().invoke(tombstone.id(), new RemoveIfRevision(tombstone.revision()));
      }
      purged += dishes.deleteTombstones(old);
      if (old.size() < properties.publishBatchSize()) {
        break;
      }
    }
    if (purged > 0) {
      log.info(
          "Purged {} tombstone(s) older than {} from the menu database and the cache",
          purged,
          properties.tombstoneHorizon());
    }
    return purged;
  }
}
