package io.cachepair.bench.propagation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tangosol.net.Coherence;
import com.tangosol.net.MemberEvent;
import com.tangosol.net.MemberListener;
import com.tangosol.net.NamedCache;
import com.tangosol.util.MapEvent;
import com.tangosol.util.MapListener;
import io.cachepair.bench.report.Latencies;
import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.dish.VersionedPut;
import io.cachepair.member.cache.DishCaches;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A plain Coherence member with the pair's cache configuration and no Spring, in a JVM of its own:
 * the {@code writer} plays the menu (paced {@link VersionedPut}s on the partitioned cache, as the
 * menu's publisher does), the {@code reader} plays an order replica (a listener on its local view,
 * as the order's lag metric has). Both are storage members of the dish service, as the services
 * are. Each put carries its {@link System#nanoTime()} (one clock for all processes on Linux), so
 * the reader measures put-to-listener in microseconds.
 *
 * <p>Protocol on stdout: {@code READY}, then {@code RESULT <json>} (reader) / {@code WROTE <json>}
 * (writer), and {@code LEFT <nanoTime>} when the reader sees another member leave.
 */
public final class CacheLevelMember {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CacheLevelMember() {}

  public static void main(String[] args) throws Exception {
    Coherence coherence = Coherence.clusterMember().start().get(2, TimeUnit.MINUTES);
    DishCaches caches = new DishCaches(coherence, List.of(), refusal -> {});
    caches.start();
    DishCaches.Opened opened = caches.await(Duration.ofMinutes(2));
    if ("reader".equals(args[0])) {
      read(opened);
    } else {
      write(
          opened, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }
    Thread.currentThread().join();
  }

  private static void read(DishCaches.Opened opened) {
    Latencies latencies = new Latencies();
    opened
        .service()
        .addMemberListener(
            new MemberListener() {
              @Override
              public void memberJoined(MemberEvent event) {}

              @Override
              public void memberLeaving(MemberEvent event) {}

              @Override
              public void memberLeft(MemberEvent event) {
                System.out.println("LEFT " + System.nanoTime());
              }
            });
    opened
        .view()
        .addMapListener(
            new MapListener<String, Dish>() {
              @Override
              public void entryInserted(MapEvent<String, Dish> event) {
                arrived(event.getNewValue());
              }

              @Override
              public void entryUpdated(MapEvent<String, Dish> event) {
                arrived(event.getNewValue());
              }

              @Override
              public void entryDeleted(MapEvent<String, Dish> event) {}

              private void arrived(Dish dish) {
                long now = System.nanoTime();
                if (dish.id().startsWith("p-")) {
                  latencies.add(now - Long.parseLong(dish.description()));
                } else if (dish.id().equals("done")) {
                  System.out.println("RESULT " + json(latencies.summary()));
                }
              }
            });
    System.out.println("READY");
  }

  private static void write(DishCaches.Opened opened, int perSecond, int seconds, int warmupSeconds)
      throws Exception {
    NamedCache<String, Dish> cache = opened.partitioned();
    // like a menu that joined a running order member: wait until both own partitions
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (opened.service().getOwnershipEnabledMembers().size() < 2
        || opened
                .service()
                .getOwnedPartitions(opened.service().getCluster().getLocalMember())
                .cardinality()
            == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the reader never owned partitions");
      }
      Thread.sleep(50);
    }
    Thread.sleep(2_000);
    System.out.println("READY");
    pace(cache, "w-", perSecond, warmupSeconds);
    Latencies invoke = pace(cache, "p-", perSecond, seconds);
    cache.invoke("done", new VersionedPut(dish("done", System.nanoTime())));
    System.out.println("WROTE " + json(invoke.summary()));
  }

  private static Latencies pace(
      NamedCache<String, Dish> cache, String prefix, int perSecond, int seconds) {
    Latencies invoke = new Latencies();
    long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < perSecond * seconds; i++) {
      long due = start + i * period;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      long t0 = System.nanoTime();
      cache.invoke(prefix + i, new VersionedPut(dish(prefix + i, t0)));
      invoke.add(System.nanoTime() - t0);
    }
    return invoke;
  }

  private static Dish dish(String id, long nanoTime) {
    return Dish.builder(id)
        .name("Propagation probe")
        .description(Long.toString(nanoTime))
        .category("bench")
        .priceCents(100)
        .currency("EUR")
        .updatedAt(Instant.now())
        .origin("bench-writer")
        .build();
  }

  private static String json(Latencies.Summary summary) {
    try {
      return JSON.writeValueAsString(summary);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
