package io.cachepair.operator.testing;

import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.probes.MemberPod;
import io.cachepair.operator.probes.MemberProbe;
import io.cachepair.operator.probes.MemberReading;
import io.cachepair.operator.probes.MemberReport;
import io.cachepair.operator.probes.WritePauseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The members' management endpoints as a test scripts them: every pod asked answers for itself,
 * seeing exactly the pods it was asked with as members, NODE_SAFE, a complete view, and the
 * contract the test's function gives it (by default its pod's schema annotation); the write pause
 * is recorded. Counts the rounds of reads, so tests can tell whether the operator asked at all.
 */
public final class FakeMembers implements MemberProbe, WritePauseClient {

  private volatile String statusHA = "NODE_SAFE";
  private volatile boolean viewComplete = true;
  private volatile boolean pauseFails;
  private final Map<ServiceRole, Integer> contractOverride = new EnumMap<>(ServiceRole.class);
  private final Map<String, Boolean> silent = new ConcurrentHashMap<>();
  private final Map<ServiceRole, Integer> extraMembers = new EnumMap<>(ServiceRole.class);
  private final AtomicInteger reads = new AtomicInteger();
  private final List<String> pauseCalls = new CopyOnWriteArrayList<>();
  private volatile boolean paused;
  private final Function<MemberPod, Integer> contracts;

  /**
   * @param contracts the contract a pod announces when no override is set
   */
  public FakeMembers(Function<MemberPod, Integer> contracts) {
    this.contracts = contracts;
  }

  /** Members report this StatusHA from now on ({@code null}: no dish service). */
  public void report(String statusHA) {
    this.statusHA = statusHA;
  }

  /** Every pod of {@code role} announces {@code version} from now on. */
  public synchronized void reportContract(ServiceRole role, int version) {
    contractOverride.put(role, version);
  }

  /** Pods of {@code role} announce what their template says again. */
  public synchronized void clearContract(ServiceRole role) {
    contractOverride.remove(role);
  }

  /** Members see {@code count} more members of {@code role} than pods run (a stray member). */
  public synchronized void extraMembers(ServiceRole role, int count) {
    extraMembers.put(role, count);
  }

  /** The pods of {@code role} do not answer from now on. */
  public void silence(ServiceRole role) {
    silent.put(role.id(), true);
  }

  public void viewComplete(boolean complete) {
    this.viewComplete = complete;
  }

  /** The write-pause endpoint answers 503 from now on. */
  public void failPauses(boolean fail) {
    this.pauseFails = fail;
  }

  /** Rounds of reads the operator made. */
  public int reads() {
    return reads.get();
  }

  /** Write-pause calls in order, e.g. {@code "POST food-menu-abc-1 60s"}, {@code "DELETE ..."}. */
  public List<String> pauseCalls() {
    return List.copyOf(pauseCalls);
  }

  /** Whether a write pause is in force now. */
  public boolean paused() {
    return paused;
  }

  @Override
  public synchronized List<MemberReading> read(List<MemberPod> pods) {
    reads.incrementAndGet();
    List<MemberReport.Member> members = new ArrayList<>();
    int id = 1;
    for (MemberPod pod : pods) {
      members.add(new MemberReport.Member(id++, pod.role().id(), contractOf(pod)));
    }
    for (Map.Entry<ServiceRole, Integer> extra : extraMembers.entrySet()) {
      for (int i = 0; i < extra.getValue(); i++) {
        members.add(new MemberReport.Member(id++, extra.getKey().id(), null));
      }
    }
    List<MemberReading> readings = new ArrayList<>();
    for (MemberPod pod : pods) {
      if (silent.containsKey(pod.role().id())) {
        readings.add(MemberReading.failed(pod, "answered 503 on /actuator/cachepair"));
        continue;
      }
      readings.add(
          MemberReading.of(
              pod,
              new MemberReport(
                  "food",
                  pod.role().id(),
                  pod.ready() ? "READY" : "PRELOADING",
                  contractOf(pod),
                  members,
                  statusHA,
                  100L,
                  viewComplete,
                  paused)));
    }
    return readings;
  }

  private Integer contractOf(MemberPod pod) {
    Integer override = contractOverride.get(pod.role());
    return override != null ? override : contracts.apply(pod);
  }

  @Override
  public Outcome pause(MemberPod pod, String reason, Duration lease) {
    pauseCalls.add("POST " + pod.name() + " " + lease.toSeconds() + "s");
    if (pauseFails) {
      return new Outcome(false, pod.name() + " answered 503 on POST /actuator/writepause");
    }
    paused = true;
    return new Outcome(
        true, "write pause set for " + lease.toSeconds() + "s through " + pod.name());
  }

  @Override
  public Outcome resume(MemberPod pod) {
    pauseCalls.add("DELETE " + pod.name());
    if (pauseFails) {
      return new Outcome(false, pod.name() + " answered 503 on DELETE /actuator/writepause");
    }
    paused = false;
    return new Outcome(true, "write pause lifted through " + pod.name());
  }
}
