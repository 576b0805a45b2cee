package io.cachepair.systemtest.partition;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * What members say about themselves over time: readiness, the member ids they see and their view's
 * size, polled every 200 ms on a thread per member. Bounded: it stops when told, or after five
 * minutes.
 */
public final class Samples {

  /**
   * One poll of one member.
   *
   * @param member the member's name
   * @param atNanos when the answer came
   * @param ready whether readiness answered 200
   * @param memberIds the member ids it sees (empty when it did not answer)
   * @param viewCount its view's size, or -1 when it could not say
   */
  public record Sample(
      String member, long atNanos, boolean ready, List<Integer> memberIds, int viewCount) {}

  private final List<Sample> samples = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  /** Starts polling the members. */
  public Samples start(List<ServiceProcess> members) {
    running = true;
    long stopAt = System.nanoTime() + 300_000_000_000L;
    for (ServiceProcess m : members) {
      Thread t =
          new Thread(
              () -> {
                while (running && System.nanoTime() < stopAt) {
                  samples.add(poll(m));
                  LockSupport.parkNanos(200_000_000L);
                }
              },
              "samples-" + m.name());
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    return this;
  }

  /** Polls one member once. */
  public static Sample poll(ServiceProcess m) {
    boolean ready = m.readiness().map(r -> r.status() == 200).orElse(false);
    List<Integer> ids = new ArrayList<>();
    int count = -1;
    try {
      HttpResult r = m.management().get("/actuator/cachepair");
      if (r.status() == 200) {
        for (JsonNode member : r.json().path("members")) {
          ids.add(member.path("id").asInt());
        }
        count = r.json().path("view").path("count").asInt(-1);
      }
    } catch (RuntimeException e) {
      // no answer: nothing seen
    }
    return new Sample(m.name(), System.nanoTime(), ready, ids, count);
  }

  /** Stops polling and returns every sample. */
  public List<Sample> stop() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(60_000);
    }
    return List.copyOf(samples);
  }

  /** The samples of one member so far, in time order. */
  public List<Sample> of(String member) {
    return samples.stream().filter(s -> s.member().equals(member)).toList();
  }

  /**
   * When {@code member}'s readiness changed, from {@code fromNanos} on: e.g. {@code [ready +0 ms,
   * not ready +17470 ms, ready +49100 ms]}, in ms after {@code fromNanos}.
   */
  public List<String> readinessChanges(String member, long fromNanos) {
    List<String> changes = new ArrayList<>();
    Boolean last = null;
    for (Sample s : of(member)) {
      if (s.atNanos() >= fromNanos && !Boolean.valueOf(s.ready()).equals(last)) {
        last = s.ready();
        changes.add(
            (s.ready() ? "ready +" : "not ready +")
                + (s.atNanos() - fromNanos) / 1_000_000
                + " ms");
      }
    }
    return changes;
  }

  /** The first sample of {@code member} at or after {@code fromNanos} that matches. */
  public Optional<Sample> first(
      String member, long fromNanos, java.util.function.Predicate<Sample> matches) {
    return of(member).stream().filter(s -> s.atNanos() >= fromNanos).filter(matches).findFirst();
  }
}
