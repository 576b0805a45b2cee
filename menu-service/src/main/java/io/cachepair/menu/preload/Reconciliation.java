package io.cachepair.menu.preload;

import io.cachepair.contract.dish.Dish;
import java.util.function.Predicate;

/**
 * The decision for one dish id when a menu brings a live cluster in line with the menu database,
 * the single source of truth: the database's row goes to the cache when the cache lacks it or holds
 * an older revision; an entry the database never wrote is foreign and gets repaired; nothing ever
 * flows from the cache into the database.
 */
enum Reconciliation {
  /** The database holds a newer revision (or the cluster has none): write it to the cache. */
  TO_CACHE,
  /** The cluster holds this database's revision (or a newer committed one): nothing to do. */
  IN_SYNC,
  /** The cluster holds a revision this database never wrote: replace it with the database's. */
  FOREIGN;

  /**
   * Decides for one id.
   *
   * @param inDatabase the database's row, or null
   * @param inCluster the entry of the partitioned cache, or null
   * @param committed whether the database committed a revision (its history)
   * @return what to do
   */
  static Reconciliation decide(Dish inDatabase, Dish inCluster, Predicate<Dish> committed) {
    if (inCluster == null) {
      return inDatabase == null ? IN_SYNC : TO_CACHE;
    }
    if (inDatabase == null) {
      return FOREIGN;
    }
    if (inDatabase.version() > inCluster.version()) {
      return TO_CACHE;
    }
    if (inDatabase.version() == inCluster.version()) {
      return inDatabase.equals(inCluster) ? IN_SYNC : FOREIGN;
    }
    return committed.test(inCluster) ? IN_SYNC : FOREIGN;
  }
}
