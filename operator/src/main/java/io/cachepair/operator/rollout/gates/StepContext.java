package io.cachepair.operator.rollout.gates;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.dependent.ObservedPair;
import io.cachepair.operator.probes.MemberPod;
import io.cachepair.operator.probes.MemberProbe;
import io.cachepair.operator.probes.MemberReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gates see of the step about to start: the pair, the plan, its Deployments and pods, and
 * the members' own reports, read at most once per pass and only if a gate needs them.
 */
public final class StepContext {

  private final CachedServicePair pair;
  private final RolloutStatus plan;
  private final int index;
  private final ObservedPair observed;
  private final MemberProbe probe;
  private final Instant now;
  private List<MemberReading> readings;

  public StepContext(
      CachedServicePair pair,
      RolloutStatus plan,
      int index,
      ObservedPair observed,
      MemberProbe probe,
      Instant now) {
    this.pair = pair;
    this.plan = plan;
    this.index = index;
    this.observed = observed;
    this.probe = probe;
    this.now = now;
  }

  public CachedServicePair pair() {
    return pair;
  }

  public RolloutStatus plan() {
    return plan;
  }

  /** 0-based index of the step. */
  public int index() {
    return index;
  }

  public RolloutStep step() {
    return plan.getSteps().get(index);
  }

  public ObservedPair observed() {
    return observed;
  }

  public Instant now() {
    return now;
  }

  /** What every running pod of the pair answered on its safety endpoint (asked once per pass). */
  public List<MemberReading> readings() {
    if (readings == null) {
      List<MemberPod> pods = new ArrayList<>();
      for (ServiceRole role : ServiceRole.values()) {
        pods.addAll(observed.members(role));
      }
      readings = pods.isEmpty() ? List.of() : List.copyOf(probe.read(pods));
    }
    return readings;
  }

  /** The readings of one service's ready pods. */
  public List<MemberReading> readyReadings(ServiceRole role) {
    return readings().stream().filter(r -> r.pod().role() == role && r.pod().ready()).toList();
  }
}
