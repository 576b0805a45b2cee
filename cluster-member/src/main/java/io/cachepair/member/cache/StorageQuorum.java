package io.cachepair.member.cache;

import com.tangosol.net.PartitionedService;
import java.util.OptionalInt;

/**
 * The dish service's write and restore quorum ({@code cachepair.cache.quorum}) as this member sees
 * it: the storage members in its cluster now. One place decides it because a menu (refusing writes)
 * and an order replica (refusing to call its view complete) must agree on which side of a partition
 * holds the pair — the side that holds the quorum, where the caches themselves let writes and
 * restores through.
 */
public final class StorageQuorum {

  private final DishCaches caches;
  private final int required;

  /**
   * Creates the check.
   *
   * @param caches this member's caches, which may still be opening
   * @param required the storage members the dish service needs to write or restore partitions; 1 (a
   *     single machine) never counts
   */
  public StorageQuorum(DishCaches caches, int required) {
    if (required < 1) {
      throw new IllegalArgumentException(
          "cachepair.cache.quorum must be at least 1, was " + required);
    }
    this.caches = caches;
    this.required = required;
  }

  /** The storage members the dish service needs. */
  public int required() {
    return required;
  }

  /**
   * How many storage members this member sees when that is fewer than the quorum: it is cut off in
   * a minority island (or its caches are not open, its service not running: 0). Empty while the
   * quorum holds, and always with a quorum of 1.
   */
  public OptionalInt shortfall() {
    if (required == 1) {
      return OptionalInt.empty();
    }
    int present =
        caches
            .ifOpen()
            .map(DishCaches.Opened::service)
            .filter(PartitionedService::isRunning)
            .map(service -> service.getOwnershipEnabledMembers().size())
            .orElse(0);
    return present < required ? OptionalInt.of(present) : OptionalInt.empty();
  }
}
