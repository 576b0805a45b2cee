package io.cachepair.member.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.tangosol.net.Cluster;
import com.tangosol.net.Coherence;
import com.tangosol.net.DistributedCacheService;
import com.tangosol.net.Member;
import com.tangosol.net.NamedCache;
import com.tangosol.net.RequestTimeoutException;
import com.tangosol.net.Session;
import io.cachepair.contract.CacheNames;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DishCachesTest {

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aRedistributionDelayWhileOpening_isWaitingForTheQuorum_notAFailure() {
    Coherence coherence = mock(Coherence.class);
    Session session = mock(Session.class);
    Cluster cluster = mock(Cluster.class);
    DistributedCacheService service = mock(DistributedCacheService.class);
    NamedCache cache = mock(NamedCache.class);
    when(coherence.whenStarted()).thenReturn(CompletableFuture.completedFuture(coherence));
    when(coherence.getSession()).thenReturn(session);
    when(coherence.getCluster()).thenReturn(cluster);
    when(cluster.getService(CacheNames.DISH_SERVICE)).thenReturn(service);
    when(cluster.getLocalMember()).thenReturn(mock(Member.class));
    // what the first member gets while fewer storage members than the quorum are in
    when(session.getCache(anyString()))
        .thenThrow(new RequestTimeoutException("Request timed-out due to a redistribution delay"))
        .thenThrow(new RequestTimeoutException("Request timed-out due to a redistribution delay"))
        .thenReturn(cache);
    when(service.ensureCache(anyString(), any())).thenReturn(cache);
    DishCaches caches = new DishCaches(coherence, List.of(), refusal -> {});

    caches.start();

    assertThat(caches.await(Duration.ofSeconds(20)).service()).isSameAs(service);
    assertThat(caches.state()).isEqualTo(CacheState.OPEN);
    assertThat(caches.failure()).isEmpty();
  }
}
