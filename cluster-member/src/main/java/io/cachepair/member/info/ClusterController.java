package io.cachepair.member.info;

import com.tangosol.net.Cluster;
import com.tangosol.net.Member;
import io.cachepair.contract.ContractVersion;
import io.cachepair.contract.MemberContract;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.contract.meta.PartitionLosses;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.LocalDishes;
import io.cachepair.member.health.SafeJoinLatch;
import io.cachepair.member.loss.PartitionLossReseeder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves {@code GET /api/cluster}: members, replica digest, StatusHA, preload and loss records. */
@RestController
class ClusterController {

  private final DishCaches caches;
  private final LocalDishes localDishes;
  private final SafeJoinLatch latch;
  private final PartitionLossReseeder reseeder;

  ClusterController(
      DishCaches caches,
      LocalDishes localDishes,
      SafeJoinLatch latch,
      PartitionLossReseeder reseeder) {
    this.caches = caches;
    this.localDishes = localDishes;
    this.latch = latch;
    this.reseeder = reseeder;
  }

  @GetMapping("/api/cluster")
  ClusterReport cluster() {
    Cluster cluster = caches.coherence().getCluster();
    boolean joined = cluster != null && cluster.isRunning();
    var opened = caches.ifOpen();
    ClusterReport.ViewInfo view =
        opened.isPresent()
            ? new ClusterReport.ViewInfo(localDishes.count(), localDishes.digest())
            : null;
    Integer partitionedCount = opened.map(o -> o.partitioned().size()).orElse(null);
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
                        l.lastReporter()))
            .orElse(new ClusterReport.LossInfo(0, 0, 0, null, null));
    return new ClusterReport(
        joined ? cluster.getClusterName() : null,
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
        partitionedCount,
        preload,
        losses,
        reseeder.localReseeds());
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
