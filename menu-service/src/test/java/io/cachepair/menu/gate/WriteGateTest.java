package io.cachepair.menu.gate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.tangosol.net.Member;
import com.tangosol.net.NamedCache;
import com.tangosol.net.PartitionedService;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.ReplicaUnavailableException;
import io.cachepair.member.cache.StorageQuorum;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;

class WriteGateTest {

  @SuppressWarnings("unchecked")
  private final NamedCache<String, Object> meta = mock(NamedCache.class);

  private final PartitionedService service = mock(PartitionedService.class);
  private final ApplicationAvailability availability = mock(ApplicationAvailability.class);

  @SuppressWarnings("unchecked")
  private WriteGate gate(int quorum) {
    when(availability.getReadinessState()).thenReturn(ReadinessState.ACCEPTING_TRAFFIC);
    when(service.isRunning()).thenReturn(true);
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
    return new WriteGate(availability, caches, new StorageQuorum(caches, quorum));
  }

  private void members(int count) {
    Set<Member> members = new java.util.HashSet<>();
    for (int i = 0; i < count; i++) {
      members.add(mock(Member.class));
    }
    when(service.getOwnershipEnabledMembers()).thenReturn(members);
  }

  @Test
  void aMenuThatSeesTheQuorum_writes() {
    WriteGate gate = gate(3);
    members(3);

    assertThatCode(gate::check).doesNotThrowAnyException();
  }

  @Test
  void aMenuCutOffInAMinorityIsland_refusesWrites_with503() {
    WriteGate gate = gate(3);
    members(1);

    assertThatThrownBy(gate::check)
        .isInstanceOf(NoWriteQuorumProblem.class)
        .hasMessageContaining("sees 1 storage member(s)")
        .hasMessageContaining("need 3");
  }

  @Test
  void quorumOne_neverCounts() {
    WriteGate gate = gate(1);
    members(1);

    assertThatCode(gate::check).doesNotThrowAnyException();
  }

  @Test
  void aMetaViewThatThrowsWhileItsMemberRejoins_refusesTheWrite_notAnInternalError() {
    WriteGate gate = gate(1);
    when(meta.get(any())).thenThrow(new NullPointerException("getInternalCache() is null"));

    assertThatThrownBy(gate::check).isInstanceOf(ReplicaUnavailableException.class);
  }
}
