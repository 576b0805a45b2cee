package io.cachepair.menu.preload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cachepair.member.cache.CacheState;
import io.cachepair.member.cache.DishCaches;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class PreloadHealthIndicatorTest {

  private final PreloadProgress progress = new PreloadProgress();
  private final DishCaches caches = mock(DishCaches.class);
  private final PreloadHealthIndicator indicator = new PreloadHealthIndicator(progress, caches);

  private String reason() {
    Health health = indicator.health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    return (String) health.getDetails().get("reason");
  }

  @Test
  void waitingForCaches_saysTheCacheState() {
    when(caches.state()).thenReturn(CacheState.SYNCHRONIZING);
    progress.start(PreloadProgress.Phase.WAITING_FOR_CACHES, 0);
    assertThat(reason()).isEqualTo("waiting for the dish caches (SYNCHRONIZING)");
  }

  @Test
  void preloading_saysHowFarWithThousandsSeparators() {
    progress.start(PreloadProgress.Phase.PRELOADING, 100_000);
    progress.advance(45_000);
    assertThat(reason()).isEqualTo("preloading 45,000 / 100,000 dishes (45%)");
  }

  @Test
  void generatingAndReconciling_sayWhatTheyDo() {
    progress.start(PreloadProgress.Phase.GENERATING, 100_000);
    progress.advance(30_000);
    assertThat(reason()).isEqualTo("generating 30,000 / 100,000 synthetic dishes (30%)");
    progress.start(PreloadProgress.Phase.RECONCILING, 200);
    progress.advance(50);
    assertThat(reason()).isEqualTo("reconciling with the live cluster: 50 / 200 dishes (25%)");
  }

  @Test
  void failed_saysWhy() {
    progress.failed(new IllegalStateException("dish caches not open after PT10M (state JOINING)"));
    assertThat(reason())
        .isEqualTo("preload failed: dish caches not open after PT10M (state JOINING)");
  }

  @Test
  void done_isUpWithModeAndCount() {
    progress.finished("cold-start", 9, Duration.ofMillis(376));
    Health health = indicator.health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("mode", "cold-start")
        .containsEntry("dishes", 9L)
        .containsEntry("durationMs", 376L);
  }
}
