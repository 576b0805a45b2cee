package io.cachepair.member.info;

import java.time.Instant;
import java.util.List;

/**
 * This member's view of the cluster, as {@code GET /api/cluster} returns it.
 *
 * @param cluster the cluster name
 * @param state where this member's replica is (JOINING, SYNCHRONIZING, OPEN, FAILED, CLOSED)
 * @param localMemberId this member's id
 * @param contractVersion the contract version this member speaks
 * @param members every member of the cluster, with its role and announced contract
 * @param storageMembers members of the dish service that own partitions (0 before it runs)
 * @param statusHA the dish service's StatusHA (backup strength), or null when it does not run
 * @param safeSinceJoin whether the dish service has been safe since this member joined
 * @param localView the local view's count and digest
 * @param partitionedCount entries (tombstones included) in the partitioned cache
 * @param lastPreload the last preload marker a menu wrote, or null when none is in the cluster
 * @param partitionLosses the cluster-wide partition-loss tally
 * @param localReseeds re-seeds this member ran after partition losses
 */
public record ClusterReport(
    String cluster,
    String state,
    Integer localMemberId,
    int contractVersion,
    List<MemberInfo> members,
    int storageMembers,
    String statusHA,
    boolean safeSinceJoin,
    ViewInfo localView,
    Integer partitionedCount,
    PreloadInfo lastPreload,
    LossInfo partitionLosses,
    long localReseeds) {

  /** One member as announced in its identity. */
  public record MemberInfo(
      int id,
      String role,
      Integer contractVersion,
      Integer oldestReadable,
      String address,
      boolean local) {}

  /** The local view: how many dishes and the digest of their (id, version) pairs. */
  public record ViewInfo(int count, String digest) {}

  /** The last completed preload. */
  public record PreloadInfo(Instant loadedAt, long count, int contractVersion, String origin) {}

  /** The partition-loss tally. */
  public record LossInfo(
      long events, long partitions, long reseededDishes, Instant lastAt, String lastReporter) {}
}
