package io.cachepair.menu.preload;

import io.cachepair.contract.dish.Dish;

/**
 * The decision for one dish id when a menu reconciles its database with a live cluster: whichever
 * side holds the newer revision (tombstones included) wins and is copied to the other.
 */
enum Reconciliation {
  /** This database holds the newer revision (or the cluster has none): write it to the cache. */
  TO_CACHE,
  /** The cluster holds the newer revision (or this database has none): write it to the database. */
  TO_DATABASE,
  /** Both hold the same revision. */
  IN_SYNC;

  /**
   * Decides for one id.
   *
   * @param inDatabase the row of this database, or null
   * @param inCluster the entry of the partitioned cache, or null
   * @return what to copy where
   */
  static Reconciliation decide(Dish inDatabase, Dish inCluster) {
    if (inDatabase == null && inCluster == null) {
      return IN_SYNC;
    }
    if (inCluster == null) {
      return TO_CACHE;
    }
    if (inDatabase == null) {
      return TO_DATABASE;
    }
    if (inDatabase.revision().isNewerThan(inCluster.revision())) {
      return TO_CACHE;
    }
    if (inCluster.revision().isNewerThan(inDatabase.revision())) {
      return TO_DATABASE;
    }
    return IN_SYNC;
  }
}
