package io.cachepair.operator.rollout.gates;

import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.probes.MemberReading;
import io.cachepair.operator.probes.MemberReport;
import io.cachepair.operator.rollout.words.Reasons;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Before the next step of a schema change, every ready pod of each service already updated reports
 * the target contract, and so does every member of that role it sees; the pods are asked one by
 * one, so an old pod that a Service could still route to cannot answer for the new ones.
 */
public final class ContractGate implements Gate {

  private final Duration recheck;

  public ContractGate(Duration recheck) {
    this.recheck = recheck;
  }

  @Override
  public GateVerdict check(StepContext step) {
    RolloutStatus plan = step.plan();
    if (!plan.changesSchema()) {
      return GateVerdict.open();
    }
    int expected = plan.getToSchemaVersion();
    for (RolloutStep done : plan.getSteps().subList(0, step.index())) {
      if (done.getAction() != StepAction.Update || done.getReportedContractVersion() != null) {
        continue;
      }
      ServiceRole role = done.getService();
      List<MemberReading> readings = step.readyReadings(role);
      if (readings.isEmpty()) {
        return waiting(step, role, "no ready pod to ask");
      }
      List<String> silent = new ArrayList<>();
      List<String> wrong = new ArrayList<>();
      for (MemberReading reading : readings) {
        if (!reading.answered()) {
          silent.add(reading.pod().name() + ": " + reading.failure());
          continue;
        }
        MemberReport report = reading.report();
        if (!Objects.equals(report.contractVersion(), expected)) {
          wrong.add(reading.pod().name() + " reports " + version(report.contractVersion()));
        }
        for (MemberReport.Member member : report.members()) {
          if (role.id().equals(member.role())
              && !Objects.equals(member.contractVersion(), expected)) {
            wrong.add(
                "member "
                    + member.id()
                    + " (seen by "
                    + reading.pod().name()
                    + ") reports "
                    + version(member.contractVersion()));
          }
        }
      }
      if (!wrong.isEmpty()) {
        return GateVerdict.block(
            Reasons.CONTRACT_MISMATCH,
            role.serviceName()
                + " pods do not speak contract "
                + expected
                + " on /actuator/cachepair: "
                + String.join(", ", wrong.stream().distinct().toList())
                + "; spec.cache.schemaVersion is "
                + expected
                + " (schema "
                + plan.getFromSchemaVersion()
                + "->"
                + expected
                + "). The rollout stopped before step "
                + (step.index() + 1)
                + ": set spec."
                + role.id()
                + ".image to an image built for contract "
                + expected
                + ", or change spec.cache back, to plan again");
      }
      if (!silent.isEmpty()) {
        return waiting(step, role, String.join("; ", silent));
      }
      done.setReportedContractVersion(expected);
    }
    return GateVerdict.open();
  }

  private GateVerdict waiting(StepContext step, ServiceRole role, String why) {
    return GateVerdict.waitFor(
        Reasons.WAITING_FOR_CONTRACT,
        "contract of every new "
            + role.serviceName()
            + " pod before step "
            + (step.index() + 1)
            + ": "
            + why,
        recheck);
  }

  private static String version(Integer version) {
    return version == null ? "no contract" : String.valueOf(version);
  }
}
