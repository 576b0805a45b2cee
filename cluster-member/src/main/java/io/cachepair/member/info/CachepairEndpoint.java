package io.cachepair.member.info;

import com.tangosol.net.Cluster;
import com.tangosol.net.Member;
import io.cachepair.contract.ContractVersion;
import io.cachepair.contract.MemberContract;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.contract.meta.PartitionLosses;
import io.cachepair.contract.meta.WritePause;
import io.cachepair.member.cache.CacheState;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.LocalDishes;
import io.cachepair.member.health.ReplicaWatch;
import io.cachepair.member.health.SafeJoinLatch;
import io.cachepair.member.loss.PartitionLossReseeder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.lang.Nullable;

/**
 * The safety endpoint {@code GET /actuator/cachepair} on the management port: membership with roles
 * and contracts, StatusHA, the view's count and completeness, the preload marker, the
 * partition-loss tally and the write pause, all read locally and cheaply; {@code ?digest=true} adds
 * the view's digest (a pass over every entry). Needs scope {@code cluster:read}.
 */
@Endpoint(id = "cachepair")
public class CachepairEndpoint {

  private final DishCaches caches;
  private final LocalDishes localDishes;
  private final SafeJoinLatch latch;
  private final PartitionLossReseeder reseeder;
  private final ReplicaWatch watch;
  private final String role;
  private final Clock clock = Clock.systemUTC();

  /**
   * Creates the endpoint.
   *
   * @param caches the member's caches
   * @param localDishes the local view
   * @param latch the safe-join latch
   * @param reseeder this member's partition-loss re-seeder
   * @param watch whether the view is connected to the dish service
   * @param role this member's functional role
   */
  public CachepairEndpoint(
      DishCaches caches,
      LocalDishes localDishes,
      SafeJoinLatch latch,
      PartitionLossReseeder reseeder,
      ReplicaWatch watch,
      String role) {
    this.caches = caches;
    this.localDishes = localDishes;
    this.latch = latch;
    this.reseeder = reseeder;
    this.watch = watch;
    this.role = role;
  }

  @ReadOperation
  public ClusterReport report(@Nullable Boolean digest) {
    Cluster cluster = caches.coherence().getCluster();
    boolean joined = cluster != null && cluster.isRunning();
    var opened = caches.ifOpen();
    ClusterReport.ViewInfo view =
        new ClusterReport.ViewInfo(
            localDishes.count(),
            opened.isPresent() && caches.state() == CacheState.OPEN && watch.isConnected(),
            opened.isPresent() && Boolean.TRUE.equals(digest) ? localDishes.digest() : null);
    ClusterReport.PreloadInfo preload =
        opened
            .map(o -> o.meta().get(DishesLoaded.KEY))
            .filter(DishesLoaded.class::isInstance)
            .map(DishesLoaded.class::cast)
            .map(
                d ->
                    new ClusterReport.PreloadInfo(
                        d.loadedAt(), d.count(), d.contractVersion(), d.origin()))
            .orElse(null);
    ClusterReport.LossInfo losses =
        opened
            .map(o -> o.meta().get(PartitionLosses.KEY))
            .filter(PartitionLosses.class::isInstance)
            .map(PartitionLosses.class::cast)
            .map(
                l ->
                    new ClusterReport.LossInfo(
                        l.events(),
                        l.partitions(),
                        l.reseededDishes(),
                        l.lastAt(),
                        l.lastReporter(),
                        reseeder.localReseeds()))
            .orElse(new ClusterReport.LossInfo(0, 0, 0, null, null, reseeder.localReseeds()));
    ClusterReport.PauseInfo pause =
        opened
            .map(o -> o.meta().get(WritePause.KEY))
            .filter(WritePause.class::isInstance)
            .map(WritePause.class::cast)
            .filter(p -> p.holdsAt(clock.instant()))
            .map(p -> new ClusterReport.PauseInfo(p.reason(), p.requestedBy(), p.until()))
            .orElse(null);
    return new ClusterReport(
        joined ? cluster.getClusterName() : null,
        role,
        caches.state().name(),
        joined ? cluster.getLocalMember().getId() : null,
        ContractVersion.CURRENT,
        joined ? members(cluster) : List.of(),
        opened
            .filter(o -> o.service().isRunning())
            .map(o -> o.service().getOwnershipEnabledMembers().size())
            .orElse(0),
        latch.currentStatusHa().orElse(null),
        latch.isTripped(),
        view,
        preload,
        losses,
        pause,
        Boolean.TRUE.equals(digest) ? opened.map(o -> o.partitioned().size()).orElse(null) : null);
  }

  private static List<ClusterReport.MemberInfo> members(Cluster cluster) {
    Member local = cluster.getLocalMember();
    @SuppressWarnings("unchecked")
    Set<Member> members = cluster.getMemberSet();
    List<ClusterReport.MemberInfo> infos = new ArrayList<>();
    for (Member m : members) {
      var contract = MemberContract.of(m);
      infos.add(
          new ClusterReport.MemberInfo(
              m.getId(),
              MemberContract.functionalRole(m),
              contract.map(MemberContract::version).orElse(null),
              contract.map(MemberContract::oldestReadable).orElse(null),
              m.getAddress().getHostAddress() + ":" + m.getPort(),
              m.equals(local)));
    }
    infos.sort(Comparator.comparingInt(ClusterReport.MemberInfo::id));
    return infos;
  }
}
