package io.cachepair.operator.rollout.plan;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.dependent.DeploymentBlueprint;
import io.cachepair.operator.dependent.ObservedPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Turns the difference between the running templates and the spec into a plan: one step per
 * Deployment in the planner's order (write-paused where it says), one ScaleIn per removed pod, or a
 * Recreate plan; it notes whether the resource or the operator's rendering caused it.
 */
public final class PlanBuilder {

  /** The resource changed. */
  public static final String SPEC_CHANGE = "SpecChange";

  /** The resource did not change but the operator renders another pod template. */
  public static final String OPERATOR_UPGRADE = "OperatorUpgrade";

  private final RolloutPlanner planner;

  public PlanBuilder(RolloutPlanner planner) {
    this.planner = planner;
  }

  /**
   * A plan for what differs, or {@code null} when the running pair matches the spec.
   *
   * @param pair the resource
   * @param observed its Deployments
   * @param generation the generation the plan is made for
   */
  public RolloutStatus plan(CachedServicePair pair, ObservedPair observed, long generation) {
    List<ServiceChange> changes = new ArrayList<>();
    List<RolloutStep> scaleIns = new ArrayList<>();
    for (ServiceRole role : List.of(ServiceRole.ORDER, ServiceRole.MENU)) {
      if (observed.deployment(role).isEmpty()) {
        continue; // created from the spec, nothing to roll
      }
      String target = DeploymentBlueprint.revision(DeploymentBlueprint.podTemplate(pair, role));
      if (!target.equals(observed.revision(role))) {
        changes.add(
            new ServiceChange(
                role,
                observed.image(role),
                role.specOf(pair.getSpec()).getImage(),
                observed.schemaVersion(role),
                pair.getSpec().getCache().getSchemaVersion(),
                target));
      }
      int wanted = role.specOf(pair.getSpec()).replicasOrDefault();
      for (int replicas = observed.replicas(role); replicas > wanted; replicas--) {
        scaleIns.add(scaleIn(role, replicas, replicas - 1));
      }
    }
    if (changes.isEmpty() && scaleIns.isEmpty()) {
      return null;
    }
    RolloutStatus plan = new RolloutStatus();
    plan.setGeneration(generation);
    plan.setTrigger(trigger(pair, generation, changes));
    plan.setFromSchemaVersion(runningSchemaVersion(observed));
    plan.setToSchemaVersion(pair.getSpec().getCache().getSchemaVersion());
    List<RolloutStep> steps = new ArrayList<>(scaleIns);
    if (!changes.isEmpty()) {
      PlanDecision decision = planner.plan(pair, List.copyOf(changes));
      plan.setOrdering(decision.ordering());
      plan.setCompatibility(decision.compatibility());
      if (decision.blockedReason() != null) {
        plan.setBlockedReason(decision.blockedReason());
        plan.setWaitingFor(decision.ordering());
        return plan;
      }
      requireEachChangeOnce(decision, changes);
      if (decision.recreate()) {
        plan.setDowntime(true);
        steps = recreateSteps(pair, observed, decision, changes);
      } else {
        for (ServiceRole role : decision.order()) {
          RolloutStep step = update(changeOf(changes, role));
          if (decision.writePaused().contains(role)) {
            step.setWritePause(true);
          }
          steps.add(step);
        }
      }
    } else {
      plan.setOrdering("one pod at a time, each removal checked for safety");
    }
    plan.setSteps(steps);
    return plan;
  }

  /**
   * An operator upgrade when the templates differ although the status already describes this
   * generation: nothing in the resource asked for the change.
   */
  private static String trigger(
      CachedServicePair pair, long generation, List<ServiceChange> changes) {
    Long observed = pair.getStatus() == null ? null : pair.getStatus().getObservedGeneration();
    boolean sameSpec = observed != null && observed == generation;
    return sameSpec && !changes.isEmpty() ? OPERATOR_UPGRADE : SPEC_CHANGE;
  }

  /**
   * Every pod of the changed services stops (reverse start order), then each starts on its new
   * template with the replicas of the spec; scale-ins are folded into the restart.
   */
  private static List<RolloutStep> recreateSteps(
      CachedServicePair pair,
      ObservedPair observed,
      PlanDecision decision,
      List<ServiceChange> changes) {
    List<RolloutStep> steps = new ArrayList<>();
    List<ServiceRole> stopOrder = new ArrayList<>(decision.order());
    Collections.reverse(stopOrder);
    for (ServiceRole role : stopOrder) {
      RolloutStep down = new RolloutStep();
      down.setService(role);
      down.setAction(StepAction.ScaleDown);
      down.setFromReplicas(observed.replicas(role));
      down.setToReplicas(0);
      down.setFromImage(observed.image(role));
      down.setFromSchemaVersion(observed.schemaVersion(role));
      steps.add(down);
    }
    for (ServiceRole role : decision.order()) {
      RolloutStep up = update(changeOf(changes, role));
      up.setFromReplicas(0);
      up.setToReplicas(role.specOf(pair.getSpec()).replicasOrDefault());
      steps.add(up);
    }
    return steps;
  }

  private static ServiceChange changeOf(List<ServiceChange> changes, ServiceRole role) {
    return changes.stream().filter(c -> c.role() == role).findFirst().orElseThrow();
  }

  private static Integer runningSchemaVersion(ObservedPair observed) {
    return List.of(ServiceRole.values()).stream()
        .map(observed::schemaVersion)
        .filter(Objects::nonNull)
        .min(Integer::compare)
        .orElse(null);
  }

  private static void requireEachChangeOnce(PlanDecision decision, List<ServiceChange> changes) {
    var planned = new HashSet<>(decision.order());
    var changed = new HashSet<ServiceRole>();
    changes.forEach(c -> changed.add(c.role()));
    if (planned.size() != decision.order().size() || !planned.equals(changed)) {
      throw new IllegalStateException(
          "planner must order every changed service exactly once: " + decision.order());
    }
  }

  private static RolloutStep update(ServiceChange change) {
    RolloutStep step = new RolloutStep();
    step.setService(change.role());
    step.setAction(StepAction.Update);
    step.setFromImage(change.fromImage());
    step.setToImage(change.toImage());
    step.setFromSchemaVersion(change.fromSchemaVersion());
    step.setToSchemaVersion(change.toSchemaVersion());
    step.setToRevision(change.toRevision());
    return step;
  }

  private static RolloutStep scaleIn(ServiceRole role, int from, int to) {
    RolloutStep step = new RolloutStep();
    step.setService(role);
    step.setAction(StepAction.ScaleIn);
    step.setFromReplicas(from);
    step.setToReplicas(to);
    return step;
  }
}
