package io.cachepair.menu.preload;

import io.cachepair.member.cache.DishCaches;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness contribution {@code preload}: down, saying why, until this menu's database and the
 * cluster were brought in line and the preload marker was written.
 */
@Component("preload")
class PreloadHealthIndicator extends AbstractHealthIndicator {

  private final PreloadProgress progress;
  private final DishCaches caches;

  PreloadHealthIndicator(PreloadProgress progress, DishCaches caches) {
    super("preload health check failed");
    this.progress = progress;
    this.caches = caches;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    PreloadProgress.Phase phase = progress.phase();
    builder.withDetail("phase", phase.name());
    switch (phase) {
      case NOT_STARTED -> builder.down().withDetail("reason", "preload has not started yet");
      case GENERATING ->
          builder.down().withDetail("reason", "generating " + progress.ratio("synthetic"));
      case WAITING_FOR_CACHES ->
          builder
              .down()
              .withDetail("reason", "waiting for the dish caches (" + caches.state() + ")");
      case SEEDING -> builder.down().withDetail("reason", "seeding the sample menu (cold start)");
      case PRELOADING -> builder.down().withDetail("reason", "preloading " + progress.ratio());
      case RECONCILING ->
          builder
              .down()
              .withDetail("reason", "reconciling with the live cluster: " + progress.ratio());
      case RESEEDING ->
          builder
              .down()
              .withDetail(
                  "reason", "reseeding the cluster from this database: " + progress.ratio());
      case REFUSED -> builder.down().withDetail("reason", progress.failure());
      case FAILED -> builder.down().withDetail("reason", "preload failed: " + progress.failure());
      case DONE ->
          builder
              .up()
              .withDetail("mode", progress.mode())
              .withDetail("dishes", progress.loaded())
              .withDetail("durationMs", progress.duration().toMillis());
      default -> throw new IllegalStateException("unexpected phase " + phase);
    }
  }
}
