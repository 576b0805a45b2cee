package io.cachepair.contract.dish;

import java.util.Comparator;

/**
 * The total order of writes to one dish: version first, then update time, then the writing menu's
 * origin, so that any two members comparing the same two writes pick the same winner.
 *
 * @param version the dish version, incremented by every write
 * @param updatedAtMillis when the write happened, in epoch milliseconds
 * @param origin the menu instance that made the write
 */
public record DishRevision(long version, long updatedAtMillis, String origin)
    implements Comparable<DishRevision> {

  private static final Comparator<DishRevision> ORDER =
      Comparator.comparingLong(DishRevision::version)
          .thenComparingLong(DishRevision::updatedAtMillis)
          .thenComparing(DishRevision::origin, Comparator.nullsFirst(Comparator.naturalOrder()));

  @Override
  public int compareTo(DishRevision other) {
    return ORDER.compare(this, other);
  }

  /**
   * Tells whether this revision wins over another one.
   *
   * @param other the revision currently held, or {@code null} when there is none
   * @return {@code true} when this revision is strictly newer
   */
  public boolean isNewerThan(DishRevision other) {
    return other == null || compareTo(other) > 0;
  }
}
