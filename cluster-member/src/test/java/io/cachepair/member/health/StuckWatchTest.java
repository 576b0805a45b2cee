package io.cachepair.member.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cachepair.member.cache.CacheState;
import io.cachepair.member.cache.DishCaches;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;

/** Only unrecoverable states end a member, and only once they have lasted the bound. */
class StuckWatchTest {

  private final DishCaches caches = mock(DishCaches.class);
  private final SafeJoinLatch latch = mock(SafeJoinLatch.class);
  private final List<Object> events = new CopyOnWriteArrayList<>();
  private final List<Integer> exits = new CopyOnWriteArrayList<>();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
  private StuckWatch watch;

  private StuckWatch watch() {
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    watch = new StuckWatch(caches, latch, Duration.ofSeconds(60), events::add, exits::add, clock);
    return watch;
  }

  @AfterEach
  void stop() {
    if (watch != null) {
      watch.destroy();
    }
  }

  @Test
  void cachesThatFailedToOpen_endTheMemberWithExit4_onlyAfterTheBound() {
    when(caches.state()).thenReturn(CacheState.FAILED);
    when(caches.failure()).thenReturn(Optional.of(new IllegalStateException("no storage")));
    StuckWatch w = watch();

    w.check();
    assertThat(w.stuck()).contains("the dish caches could not be opened: no storage");
    now.set(now.get().plusSeconds(59));
    w.check();
    assertThat(exits).isEmpty();

    now.set(now.get().plusSeconds(2));
    w.check();
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !exits.isEmpty());
    assertThat(exits).first().isEqualTo(StuckWatch.EXIT_CODE);
    assertThat(events)
        .anySatisfy(
            e ->
                assertThat(((AvailabilityChangeEvent<?>) e).getState())
                    .isEqualTo(LivenessState.BROKEN));
  }

  @Test
  void aLatchThatCanNoLongerTrip_isStuck_butWaitingForASafeClusterIsNot() {
    when(caches.state()).thenReturn(CacheState.OPEN);
    when(caches.ifOpen()).thenReturn(Optional.empty());
    when(latch.canStillTrip()).thenReturn(true);
    StuckWatch w = watch();

    w.check();
    assertThat(w.stuck()).isEmpty();

    when(latch.canStillTrip()).thenReturn(false);
    w.check();
    assertThat(w.stuck()).hasValueSatisfying(r -> assertThat(r).contains("safe-join latch"));
  }

  @Test
  void aStateThatClearsBeforeTheBound_neverEndsTheMember() {
    when(caches.state()).thenReturn(CacheState.FAILED);
    when(caches.failure()).thenReturn(Optional.empty());
    StuckWatch w = watch();
    w.check();
    now.set(now.get().plusSeconds(30));

    when(caches.state()).thenReturn(CacheState.SYNCHRONIZING);
    w.check();
    now.set(now.get().plusSeconds(60));
    w.check();

    assertThat(w.stuck()).isEmpty();
    assertThat(exits).isEmpty();
  }
}
