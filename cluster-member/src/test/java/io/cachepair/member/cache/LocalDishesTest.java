package io.cachepair.member.cache;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.tangosol.net.NamedCache;
import com.tangosol.net.PartitionedService;
import io.cachepair.contract.dish.Dish;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LocalDishesTest {

  @Test
  @SuppressWarnings("unchecked")
  void aViewThatThrowsWhileItsMemberIsCutOff_isAnUnavailableReplica_notAnInternalError() {
    NamedCache<String, Dish> view = mock(NamedCache.class);
    // what a ContinuousQueryCache throws while its service restarts after a partition
    when(view.get(any())).thenThrow(new NullPointerException("getInternalCache() is null"));
    when(view.size())
        .thenThrow(new IllegalStateException("Service DishService has been terminated"));
    when(view.values()).thenThrow(new IllegalStateException("terminated"));
    when(view.keySet()).thenThrow(new IllegalStateException("terminated"));
    DishCaches caches = mock(DishCaches.class);
    when(caches.whenOpen())
        .thenReturn(
            CompletableFuture.completedFuture(
                new DishCaches.Opened(
                    view,
                    mock(NamedCache.class),
                    mock(NamedCache.class),
                    mock(NamedCache.class),
                    mock(PartitionedService.class))));
    LocalDishes dishes = new LocalDishes(caches);

    assertThatThrownBy(() -> dishes.find("spicy-tuna-roll"))
        .isInstanceOf(ReplicaUnavailableException.class)
        .hasMessageContaining("cannot be read now")
        .hasMessageContaining("NullPointerException");
    assertThatThrownBy(dishes::count).isInstanceOf(ReplicaUnavailableException.class);
    assertThatThrownBy(dishes::digest).isInstanceOf(ReplicaUnavailableException.class);
    assertThatThrownBy(() -> dishes.page(0, 10)).isInstanceOf(ReplicaUnavailableException.class);
  }
}
