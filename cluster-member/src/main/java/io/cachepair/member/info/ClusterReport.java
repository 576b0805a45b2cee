package io.cachepair.member.info;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * This member's view of the cluster, as {@code GET /actuator/cachepair} on the management port
 * returns it; cheap by default (no scan of the view), the digest only on request.
 *
 * @param cluster the cluster name, or null before joining
 * @param role this member's functional role ({@code menu} or {@code order})
 * @param state where this member's replica is (JOINING, SYNCHRONIZING, OPEN, FAILED, CLOSED)
 * @param localMemberId this member's id, or null before joining
 * @param contractVersion the contract version this member speaks
 * @param members every member of the cluster, with its role and announced contract
 * @param storageMembers members of the dish service that own partitions (0 before it runs)
 * @param statusHA the dish service's StatusHA (backup strength), or null when it does not run
 * @param safeSinceJoin whether the dish service has been safe since this member joined
 * @param view the local view: count, completeness, and the digest when asked for
 * @param lastPreload the last preload marker a menu wrote, or null when none is in the cluster
 * @param partitionLosses the cluster-wide partition-loss tally and this member's re-seeds
 * @param writePause the cluster-wide write pause in force, or null
 * @param partitionedCount entries (tombstones included) in the partitioned cache; only with {@code
 *     ?digest=true} (a call to every storage member)
 */
public record ClusterReport(
    String cluster,
    String role,
    String state,
    Integer localMemberId,
    int contractVersion,
    List<MemberInfo> members,
    int storageMembers,
    String statusHA,
    boolean safeSinceJoin,
    ViewInfo view,
    PreloadInfo lastPreload,
    LossInfo partitionLosses,
    PauseInfo writePause,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer partitionedCount) {

  /** One member as announced in its identity. */
  public record MemberInfo(
      int id,
      String role,
      Integer contractVersion,
      Integer oldestReadable,
      String address,
      boolean local) {}

  /**
   * The local view.
   *
   * @param count dishes in it (tombstones are never in it)
   * @param complete whether it is open, connected to the dish service and synchronized
   * @param digest the digest of its (id, version) pairs; only with {@code ?digest=true}
   */
  public record ViewInfo(
      int count, boolean complete, @JsonInclude(JsonInclude.Include.NON_NULL) String digest) {}

  /** The last completed preload. */
  public record PreloadInfo(Instant loadedAt, long count, int contractVersion, String origin) {}

  /** The partition-loss tally. */
  public record LossInfo(
      long events,
      long partitions,
      long reseededDishes,
      Instant lastAt,
      String lastReporter,
      long localReseeds) {}

  /** A write pause in force. */
  public record PauseInfo(String reason, String requestedBy, Instant until) {}
}
