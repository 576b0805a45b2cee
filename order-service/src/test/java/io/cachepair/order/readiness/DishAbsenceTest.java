package io.cachepair.order.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tangosol.net.Cluster;
import com.tangosol.net.Member;
import com.tangosol.net.NamedCache;
import com.tangosol.net.PartitionedService;
import com.tangosol.net.RequestTimeoutException;
import com.tangosol.net.partition.KeyPartitioningStrategy;
import com.tangosol.net.partition.PartitionSet;
import com.tangosol.net.partition.SimplePartitionKey;
import io.cachepair.contract.dish.Dish;
import io.cachepair.member.cache.DishCaches;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DishAbsenceTest {

  private static final int PARTITIONS = 31;
  private static final int DISH_PARTITION = 7;

  @SuppressWarnings("unchecked")
  private final NamedCache<String, Dish> partitioned = mock(NamedCache.class);

  private final PartitionedService service = mock(PartitionedService.class);
  private final Member local = mock(Member.class);
  private final Member other = mock(Member.class);
  private DishAbsence absence;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void cluster() {
    DishCaches caches = mock(DishCaches.class);
    when(caches.ifOpen())
        .thenReturn(
            Optional.of(
                new DishCaches.Opened(
                    mock(NamedCache.class),
                    partitioned,
                    mock(NamedCache.class),
                    mock(NamedCache.class),
                    service)));
    Cluster cluster = mock(Cluster.class);
    when(cluster.getLocalMember()).thenReturn(local);
    when(service.getCluster()).thenReturn(cluster);
    KeyPartitioningStrategy strategy = mock(KeyPartitioningStrategy.class);
    when(strategy.getKeyPartition("udon")).thenReturn(DISH_PARTITION);
    when(service.getKeyPartitioningStrategy()).thenReturn(strategy);
    when(service.getOwnershipEnabledMembers()).thenReturn(Set.of(local, other));
    when(service.getOwnedPartitions(other)).thenReturn(owned(3, 12));
    when(other.getId()).thenReturn(2);
    absence = new DishAbsence(caches, "pair-7");
  }

  private static PartitionSet owned(int... partitions) {
    PartitionSet set = new PartitionSet(PARTITIONS);
    for (int p : partitions) {
      set.add(p);
    }
    return set;
  }

  @Test
  void anotherMemberOwnsThePartition_itsAnswerConfirms_withoutAnotherCall() {
    when(service.getPartitionOwner(DISH_PARTITION)).thenReturn(other);

    assertThat(absence.unconfirmed("udon")).isEmpty();
    verify(partitioned).get("udon");
    verify(partitioned, never()).containsKey(any());
  }

  @Test
  void theDishIsInTheCluster_theReplicaIsBehind() {
    when(partitioned.get("udon"))
        .thenReturn(
            Dish.builder("udon")
                .name("Udon")
                .priceCents(1200)
                .currency("EUR")
                .version(4)
                .updatedAt(Instant.parse("2025-01-01T12:00:00Z"))
                .origin("menu-1")
                .build());

    assertThat(absence.unconfirmed("udon"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("not yet in this member's"));
  }

  @Test
  void thisMemberOwnsThePartition_theMemberThatWouldTakeItOverIsAsked() {
    when(service.getPartitionOwner(DISH_PARTITION)).thenReturn(local);
    when(service.getBackupOwner(DISH_PARTITION, 1)).thenReturn(other);

    assertThat(absence.unconfirmed("udon")).isEmpty();
    verify(partitioned).containsKey(SimplePartitionKey.getPartitionKey(3));
  }

  @Test
  void thisMemberOwnsThePartition_andItsBackupOwnerCannotBeReached_notConfirmed() {
    // cut off, not noticed yet: the others may have restored the partition and written the dish
    when(service.getPartitionOwner(DISH_PARTITION)).thenReturn(local);
    when(service.getBackupOwner(DISH_PARTITION, 1)).thenReturn(other);
    when(partitioned.containsKey(SimplePartitionKey.getPartitionKey(3)))
        .thenThrow(new RequestTimeoutException("request timed out after 5000 millis"));

    assertThat(absence.unconfirmed("udon"))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("could not confirm with cluster pair-7 that dish 'udon' is unknown")
                    .contains("RequestTimeoutException"));
  }

  @Test
  void theBackupOwnerLeftWhileItWasAsked_notConfirmed() {
    when(service.getPartitionOwner(DISH_PARTITION)).thenReturn(local);
    when(service.getBackupOwner(DISH_PARTITION, 1)).thenReturn(other);
    when(partitioned.containsKey(any()))
        .thenAnswer(
            call -> {
              when(service.getOwnershipEnabledMembers()).thenReturn(Set.of(local));
              return false;
            });

    assertThat(absence.unconfirmed("udon"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("owners changed meanwhile"));
  }

  @Test
  void theOnlyStorageMember_isItsOwnConfirmation() {
    when(service.getOwnershipEnabledMembers()).thenReturn(Set.of(local));
    when(service.getPartitionOwner(DISH_PARTITION)).thenReturn(local);

    assertThat(absence.unconfirmed("udon")).isEmpty();
    verify(partitioned, never()).containsKey(any());
  }

  @Test
  void anOrphanedPartition_notConfirmed() {
    assertThat(absence.unconfirmed("udon"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("no owner"));
  }
}
