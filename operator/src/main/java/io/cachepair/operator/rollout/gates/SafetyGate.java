package io.cachepair.operator.rollout.gates;

import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.probes.MemberReading;
import io.cachepair.operator.probes.MemberReport;
import io.cachepair.operator.rollout.words.Reasons;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pair may lose a member now: every running pod answers its safety endpoint, the dish service
 * is at least NODE_SAFE, every member's view is complete, and the cluster has exactly as many
 * members of each role as the role runs pods (a member the pods do not account for, or a pod that
 * is no member, makes the next departure a guess). A Recreate plan skips it: nothing is left
 * serving.
 */
public final class SafetyGate implements Gate {

  private final Duration recheck;

  public SafetyGate(Duration recheck) {
    this.recheck = recheck;
  }

  @Override
  public GateVerdict check(StepContext step) {
    if (step.plan().acceptsDowntime()) {
      return GateVerdict.open();
    }
    String before = " before step " + (step.index() + 1);
    List<String> silent = new ArrayList<>();
    for (MemberReading reading : step.readings()) {
      if (!reading.answered()) {
        silent.add(reading.pod().name() + " " + reading.failure());
      }
    }
    if (!silent.isEmpty()) {
      return GateVerdict.waitFor(
          Reasons.PAIR_UNSAFE,
          "every member's safety report" + before + ": " + String.join("; ", silent),
          recheck);
    }
    for (MemberReading reading : step.readings()) {
      MemberReport report = reading.report();
      if (!report.safe()) {
        return GateVerdict.waitFor(
            Reasons.PAIR_UNSAFE,
            "dish service at least NODE_SAFE"
                + before
                + ": "
                + (report.statusHA() == null
                    ? "no running dish service"
                    : "StatusHA " + report.statusHA())
                + " (reported by "
                + reading.pod().name()
                + ")",
            recheck);
      }
    }
    for (MemberReading reading : step.readings()) {
      if (Boolean.FALSE.equals(reading.report().viewComplete())) {
        return GateVerdict.waitFor(
            Reasons.VIEW_INCOMPLETE,
            "a complete dish view on every member"
                + before
                + ": "
                + reading.pod().name()
                + " holds "
                + reading.report().viewCount()
                + " entries and says its view is incomplete",
            recheck);
      }
    }
    for (MemberReading reading : step.readings()) {
      for (ServiceRole role : ServiceRole.values()) {
        long members = reading.report().membersWithRole(role.id());
        int pods = step.observed().runningPods(role);
        if (members != pods) {
          return GateVerdict.waitFor(
              Reasons.MEMBERSHIP_MISMATCH,
              "as many "
                  + role.id()
                  + " members as "
                  + role.serviceName()
                  + " pods"
                  + before
                  + ": "
                  + pods
                  + " pods run, "
                  + reading.pod().name()
                  + " sees "
                  + members
                  + " "
                  + role.id()
                  + " members",
              recheck);
        }
      }
    }
    return GateVerdict.open();
  }
}
