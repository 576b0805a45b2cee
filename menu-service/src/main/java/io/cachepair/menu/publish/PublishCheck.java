package io.cachepair.menu.publish;

import io.cachepair.contract.dish.Dish;
import java.util.function.Predicate;

/**
 * What a refused publish means. The cluster refuses a versioned write when it holds the same or a
 * newer revision; that settles the write only when what it holds is the database's: the same
 * revision, or a newer one the database committed. Anything else the database never wrote.
 */
enum PublishCheck {
  /** The cluster holds this revision, or a newer committed one: the write is published. */
  SETTLED,
  /** The cluster holds a revision the database never wrote: repair it. */
  FOREIGN,
  /** Nothing conclusive (the entry moved meanwhile): try again later. */
  RETRY;

  /**
   * Judges one refused write.
   *
   * @param ours the database's row that was published
   * @param held what the cluster holds for that id now, or null
   * @param committed whether the database committed a given revision (its history)
   * @return the verdict
   */
  static PublishCheck of(Dish ours, Dish held, Predicate<Dish> committed) {
    if (held == null || held.version() < ours.version()) {
      return RETRY;
    }
    if (held.version() == ours.version()) {
      return held.equals(ours) ? SETTLED : FOREIGN;
    }
    return committed.test(held) ? SETTLED : FOREIGN;
  }
}
