package io.cachepair.order.readiness;

import com.tangosol.net.Member;
import com.tangosol.net.NamedCache;
import com.tangosol.net.PartitionedService;
import com.tangosol.net.partition.SimplePartitionKey;
import io.cachepair.contract.dish.Dish;
import io.cachepair.member.cache.DishCaches;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms with the cluster that a dish the local replica does not hold does not exist, before a
 * client is told "unknown dish". A replica cut off without knowing it yet (until the cluster
 * removes it, about 10 s) lacks the dishes added meanwhile.
 *
 * <p>Asking the dish's partition owner settles it when the owner is another member: it answers with
 * the dish, or the call fails while it cannot be reached. When this member owns the partition, its
 * own answer proves nothing: the others may already have removed it, restored the partition from
 * its backup and written the dish there (PartitionIT a caught exactly that). So the partition's
 * backup owner — the member that takes the partition over when this one is removed — is asked too,
 * after the read: while it still answers this member it has not taken the partition over, so no
 * write reached the partition except through this member. Remote calls bounded by the dish
 * service's request timeout; only for the error path.
 */
final class DishAbsence {

  private static final Logger log = LoggerFactory.getLogger(DishAbsence.class);

  private final DishCaches caches;
  private final String clusterName;

  DishAbsence(DishCaches caches, String clusterName) {
    this.caches = caches;
    this.clusterName = clusterName;
  }

  /**
   * Why the cluster does not confirm that a dish is absent, or empty when it does.
   *
   * @param dishId a dish the local replica does not hold
   */
  Optional<String> unconfirmed(String dishId) {
    Optional<DishCaches.Opened> opened = caches.ifOpen();
    if (opened.isEmpty()) {
      return Optional.of(
          "the local replica of the dishes is not open yet (" + caches.state() + ")");
    }
    NamedCache<String, Dish> partitioned = opened.get().partitioned();
    PartitionedService service = opened.get().service();
    try {
      Object held = partitioned.get(dishId);
      if (held instanceof Dish dish && !dish.deleted()) {
        log.warn(
            "Dish '{}' v{} is in cluster {} but not in the local replica: it is behind",
            dishId,
            dish.version(),
            clusterName);
        return Optional.of(
            "dish '"
                + dishId
                + "' is in cluster "
                + clusterName
                + " but not yet in this member's replica: it is behind or cut off");
      }
      return confirmOwnership(dishId, partitioned, service);
    } catch (RuntimeException e) {
      return Optional.of(cannotConfirm(dishId, e.getClass().getSimpleName()));
    }
  }

  /** When this member owned the dish's partition, asks the member that would take it over. */
  private Optional<String> confirmOwnership(
      String dishId, NamedCache<String, Dish> partitioned, PartitionedService service) {
    Member local = service.getCluster().getLocalMember();
    int partition = service.getKeyPartitioningStrategy().getKeyPartition(dishId);
    Member owner = service.getPartitionOwner(partition);
    if (owner == null) {
      return Optional.of(cannotConfirm(dishId, "its partition has no owner"));
    }
    if (!owner.equals(local)) {
      return Optional.empty();
    }
    Member successor = successor(service, partition, local);
    if (successor == null) {
      // the only storage member: nobody else can have written the partition
      return Optional.empty();
    }
    int probe = service.getOwnedPartitions(successor).next(0);
    if (probe < 0) {
      return Optional.of(
          cannotConfirm(dishId, "member " + successor.getId() + " owns no partition to ask"));
    }
    // an empty key in a partition the successor owns: one round trip to it, nothing stored
    partitioned.containsKey(SimplePartitionKey.getPartitionKey(probe));
    if (!local.equals(service.getPartitionOwner(partition))
        || !service.getOwnershipEnabledMembers().contains(successor)) {
      return Optional.of(cannotConfirm(dishId, "its partition's owners changed meanwhile"));
    }
    return Optional.empty();
  }

  /** The partition's backup owner, or else any other storage member; null when alone. */
  private static Member successor(PartitionedService service, int partition, Member local) {
    Member backup = service.getBackupOwner(partition, 1);
    if (backup != null && !backup.equals(local)) {
      return backup;
    }
    return service.getOwnershipEnabledMembers().stream()
        .filter(member -> !member.equals(local))
        .filter(member -> service.getOwnedPartitions(member).next(0) >= 0)
        .findFirst()
        .orElse(null);
  }

  private String cannotConfirm(String dishId, String why) {
    return "could not confirm with cluster "
        + clusterName
        + " that dish '"
        + dishId
        + "' is unknown ("
        + why
        + "): this member may be cut off from the others";
  }
}
