package io.cachepair.order.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.tangosol.net.Member;
import com.tangosol.net.NamedCache;
import com.tangosol.net.PartitionedService;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.StorageQuorum;
import io.cachepair.member.health.ReplicaWatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class CompleteReplicaTest {

  @SuppressWarnings("unchecked")
  private final NamedCache<String, Object> meta = mock(NamedCache.class);

  private final ReplicaWatch watch = connectedWatch();

  private final CompleteReplica replica = replica(1);

  private CompleteReplica replica(int quorum) {
    DishCaches caches = opened();
    return new CompleteReplica(
        caches, watch, new StorageQuorum(caches, quorum), new MockEnvironment(), Clock.systemUTC());
  }

  private static ReplicaWatch connectedWatch() {
    ReplicaWatch watch = mock(ReplicaWatch.class);
    when(watch.staleness()).thenReturn(Duration.ZERO);
    when(watch.reconnectInterval()).thenReturn(Duration.ofSeconds(30));
    return watch;
  }

  private final PartitionedService service = mock(PartitionedService.class);

  @SuppressWarnings("unchecked")
  private DishCaches opened() {
    DishCaches caches = mock(DishCaches.class);
    when(caches.ifOpen())
        .thenReturn(
            Optional.of(
                new DishCaches.Opened(
                    mock(NamedCache.class),
                    mock(NamedCache.class),
                    meta,
                    mock(NamedCache.class),
                    service)));
    return caches;
  }

  @Test
  void markerInTheView_complete() {
    when(meta.get(DishesLoaded.KEY))
        .thenReturn(new DishesLoaded(Instant.now(), 10, 1, "menu-1", 7, false));

    assertThat(replica.incompleteReason()).isEmpty();
  }

  @Test
  void aMetaViewThatThrowsWhileItsMemberIsCutOff_isIncomplete_withTheReason() {
    // what a ContinuousQueryCache throws while its service restarts after a partition
    when(meta.get(any())).thenThrow(new NullPointerException("getInternalCache() is null"));

    assertThat(replica.incompleteReason())
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("cannot be read now")
                    .contains("NullPointerException")
                    .contains("cut off"));
    assertThat(replica.isComplete()).isFalse();
    assertThat(replica.marker()).isEmpty();
  }

  @Test
  void aMemberThatSeesFewerStorageMembersThanTheQuorum_isIncomplete_evenWithTheMarker() {
    CompleteReplica withQuorum = replica(3);
    when(service.isRunning()).thenReturn(true);
    when(meta.get(DishesLoaded.KEY))
        .thenReturn(new DishesLoaded(Instant.now(), 10, 1, "menu-1", 7, false));
    Member alone = mock(Member.class);
    when(service.getOwnershipEnabledMembers()).thenReturn(Set.of(alone));

    assertThat(withQuorum.incompleteReason())
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("sees 1 of the 3").contains("minority island"));

    Member second = mock(Member.class);
    Member third = mock(Member.class);
    when(service.getOwnershipEnabledMembers()).thenReturn(Set.of(alone, second, third));
    assertThat(withQuorum.incompleteReason()).isEmpty();
  }

  @Test
  void aViewCutOffLongerThanItsReconnectInterval_isIncomplete_evenWithTheMarker() {
    when(meta.get(DishesLoaded.KEY))
        .thenReturn(new DishesLoaded(Instant.now(), 10, 1, "menu-1", 7, false));
    when(watch.staleness()).thenReturn(Duration.ofSeconds(30));
    assertThat(replica.incompleteReason()).isEmpty();

    when(watch.staleness()).thenReturn(Duration.ofMillis(30_001));
    assertThat(replica.incompleteReason())
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("cut off").contains("reconnect interval (30 s)"));
  }
}
