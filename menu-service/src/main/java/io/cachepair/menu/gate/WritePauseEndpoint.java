package io.cachepair.menu.gate;

import io.cachepair.contract.meta.WritePause;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/writepause} on the management port, scope {@code cluster:admin}: {@code POST
 * {"reason":…, "seconds":…}} sets or renews the cluster-wide {@link WritePause} lease (recorded
 * with the token's subject as {@code requestedBy}), {@code DELETE} lifts it, {@code GET} shows it.
 * The operator takes it on one ready menu pod for the steps of a rollout in which old and new menus
 * cannot read each other's writes.
 */
@Component
@Endpoint(id = "writepause")
public class WritePauseEndpoint {

  /** The longest lease one call may take; the operator renews well within it. */
  static final Duration MAX_LEASE = Duration.ofHours(1);

  private final DishCaches caches;
  private final Clock clock = Clock.systemUTC();

  public WritePauseEndpoint(DishCaches caches) {
    this.caches = caches;
  }

  @ReadOperation
  public Map<String, Object> current() {
    Map<String, Object> out = new LinkedHashMap<>();
    WritePause pause =
        caches
            .ifOpen()
            .map(o -> o.meta().get(WritePause.KEY))
            .filter(WritePause.class::isInstance)
            .map(WritePause.class::cast)
            .filter(p -> p.holdsAt(clock.instant()))
            .orElse(null);
    out.put("writePause", pause == null ? null : describe(pause));
    return out;
  }

  @WriteOperation
  public Map<String, Object> pause(@Nullable String reason, @Nullable Long seconds) {
    if (reason == null || reason.isBlank() || reason.length() > 200) {
      throw new InvalidEndpointRequestException(
          "reason: must be 1 to 200 characters", "reason: must be 1 to 200 characters");
    }
    if (seconds == null || seconds < 1 || seconds > MAX_LEASE.toSeconds()) {
      String message = "seconds: must be between 1 and " + MAX_LEASE.toSeconds();
      throw new InvalidEndpointRequestException(message, message);
    }
    WritePause pause =
        new WritePause(
            reason, Caller.subject().orElse("unknown"), Instant.now(clock).plusSeconds(seconds));
    caches.await(Duration.ofSeconds(5)).partitionedMeta().put(WritePause.KEY, pause);
    return Map.of("writePause", describe(pause));
  }

  @DeleteOperation
  public Map<String, Object> resume() {
    caches.await(Duration.ofSeconds(5)).partitionedMeta().remove(WritePause.KEY);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("writePause", null);
    return out;
  }

  private static Map<String, Object> describe(WritePause pause) {
    return Map.of(
        "reason", pause.reason(), "requestedBy", pause.requestedBy(), "until", pause.until());
  }
}
