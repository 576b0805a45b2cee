package io.cachepair.menu.preload;

import io.cachepair.contract.meta.SeedRecord;
import java.util.Optional;

/**
 * Whether this menu's database may feed the cluster it joined, decided before the menu writes a
 * single entry: a menu on another database (a typo in the URL), on a fresh volume or on a restored
 * backup must neither become ready nor wipe the cluster — unless it was started with the explicit
 * reseed flag.
 *
 * @param action what to do
 * @param reason why, naming both identities and versions; for the log and readiness
 */
record DatabaseCheck(Action action, String reason) {

  /** What the preload does with the cluster. */
  enum Action {
    /** The cluster holds no dish: load it from this database and record it as the seed. */
    SEED,
    /** The cluster was seeded by this database: bring it in line with the database. */
    RECONCILE,
    /**
     * The cluster holds dishes but no seed record (seeded by an older build): as RECONCILE, and
     * record this database as its seed.
     */
    ADOPT,
    /** Reseed flag: make the cluster equal to this database, whatever seeded it. */
    RESEED,
    /** Do not become ready: the database is not the cluster's. */
    REFUSE
  }

  /**
   * Decides.
   *
   * @param identity this menu database's identity
   * @param highWater the highest version this database ever handed out
   * @param seed the cluster's seed record, if any
   * @param clusterEntries entries in the partitioned cache, tombstones included
   * @param clusterMax the highest version in the partitioned cache (0 when empty)
   * @param reseed whether the menu was started with the reseed flag
   * @return the decision
   */
  static DatabaseCheck decide(
      String identity,
      long highWater,
      Optional<SeedRecord> seed,
      long clusterEntries,
      long clusterMax,
      boolean reseed) {
    if (clusterEntries == 0 && seed.isEmpty()) {
      return new DatabaseCheck(
          Action.SEED, "the cluster holds no dish: database " + identity + " seeds it");
    }
    String mismatch = null;
    if (seed.isPresent() && !seed.get().databaseIdentity().equals(identity)) {
      mismatch =
          "this menu's database is "
              + identity
              + " (high-water version "
              + highWater
              + ") but the cluster was seeded by database "
              + seed.get().databaseIdentity()
              + " (high-water version "
              + seed.get().highWater()
              + " then, highest version in the cluster now "
              + clusterMax
              + ")";
    } else if (clusterMax > highWater) {
      mismatch =
          "this menu's database "
              + identity
              + " has handed out versions up to "
              + highWater
              + " only, but the cluster holds version "
              + clusterMax
              + ": a restored backup, a fresh volume or another database";
    }
    if (mismatch != null) {
      return reseed
          ? new DatabaseCheck(Action.RESEED, mismatch + "; reseeding the cluster as asked")
          : new DatabaseCheck(
              Action.REFUSE,
              mismatch
                  + "; refusing to feed this cluster. Point the menu at the right database, or"
                  + " start it once with cachepair.menu.reseed=true to make the cluster equal to"
                  + " this database");
    }
    if (reseed) {
      return new DatabaseCheck(
          Action.RESEED, "database " + identity + " reseeds the cluster as asked");
    }
    return seed.isPresent()
        ? new DatabaseCheck(Action.RECONCILE, "the cluster was seeded by this database " + identity)
        : new DatabaseCheck(
            Action.ADOPT,
            "the cluster holds "
                + clusterEntries
                + " entries up to version "
                + clusterMax
                + " and no seed record; database "
                + identity
                + " (high-water "
                + highWater
                + ") adopts it");
  }
}
