package io.cachepair.order.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.tangosol.net.NamedCache;
import com.tangosol.net.PartitionedService;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.member.cache.DishCaches;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class CompleteReplicaTest {

  @SuppressWarnings("unchecked")
  private final NamedCache<String, Object> meta = mock(NamedCache.class);

  private final CompleteReplica replica =
      new CompleteReplica(opened(), new MockEnvironment(), Clock.systemUTC());

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
                    mock(PartitionedService.class))));
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
}
