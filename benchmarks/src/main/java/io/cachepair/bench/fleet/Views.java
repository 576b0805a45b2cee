package io.cachepair.bench.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.List;

/**
 * How many dishes a member's local view holds, read from its {@code cachepair.dishes.local} gauge
 * (one cheap actuator call; {@code /actuator/cachepair} without {@code ?digest=true} is as cheap).
 */
public final class Views {

  private Views() {}

  /** The member's local view count. */
  public static long count(ServiceProcess member) {
    HttpResult r = member.management().get("/actuator/metrics/cachepair.dishes.local");
    JsonNode m = r.json() == null ? null : r.json().path("measurements");
    if (m == null || m.isEmpty()) {
      throw new IllegalStateException(member.name() + ": no cachepair.dishes.local: " + r.body());
    }
    return (long) m.get(0).path("value").asDouble();
  }

  /** Waits until every member's view holds at least {@code count} dishes. */
  public static void awaitAll(List<ServiceProcess> members, long count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ServiceProcess m : members) {
      while (count(m) < count) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              m.name() + " holds " + count(m) + " of " + count + " dishes after " + timeout);
        }
        pause(20);
      }
    }
  }

  /** Waits until a member reports the dish service NODE_SAFE (or better). */
  public static void awaitSafe(ServiceProcess member, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "?";
    while (System.nanoTime() < deadline) {
      JsonNode c = member.cluster();
      last = c == null ? "no answer" : c.path("statusHA").asText();
      if (last.equals("NODE_SAFE") || last.equals("MACHINE_SAFE") || last.equals("RACK_SAFE")) {
        return;
      }
      pause(100);
    }
    throw new IllegalStateException(member.name() + " StatusHA " + last + " after " + timeout);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
