package io.cachepair.operator.rollout.plan;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.dependent.DeploymentBlueprint;
import io.cachepair.operator.dependent.ObservedPair;
import io.cachepair.operator.dependent.StorageQuorum;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Turns the difference between the running templates and the spec into a plan: one step per
 * Deployment in the planner's order (write-paused where it says), one ScaleIn per removed pod
 * (before the updates, unless that would leave fewer members than the running quorum), or a
 * Recreate plan (every pod stopped, then both services started together); it notes whether the
 * resource or the operator's rendering caused it.
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
    List<RolloutStep> steps = new ArrayList<>();
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
        int first = scaleInsKeepingQuorum(pair, observed, scaleIns.size());
        steps.addAll(scaleIns.subList(0, first));
        for (ServiceRole role : decision.order()) {
          RolloutStep step = update(changeOf(changes, role));
          if (decision.writePaused().contains(role)) {
            step.setWritePause(true);
          }
          steps.add(step);
        }
        steps.addAll(scaleIns.subList(first, scaleIns.size()));
        if (first < scaleIns.size()) {
          plan.setOrdering(
              decision.ordering()
                  + "; "
                  + (scaleIns.size() - first)
                  + " of "
                  + scaleIns.size()
                  + " pod removals after the update: fewer than the running quorum of "
                  + runningQuorum(observed)
                  + " members would stop writes and orders (the new templates carry "
                  + StorageQuorum.of(pair.getSpec())
                  + ")");
        }
      }
    } else {
      steps.addAll(scaleIns);
      plan.setOrdering("one pod at a time, each removal checked for safety");
    }
    plan.setSteps(steps);
    return plan;
  }

  /**
   * How many of the scale-ins can run before the template update: removals go first (fewer pods to
   * roll) as long as the members left still make the quorum the running templates carry. A scale-in
   * that crosses a quorum boundary lowers the quorum only in the new templates; removing pods first
   * down to fewer members than the old quorum would leave the old pods refusing writes (menus) and
   * not complete, so not ready (order replicas) — and a step whose pods never get ready never
   * finishes. The removals past that point wait until every pod carries the new, smaller quorum.
   */
  static int scaleInsKeepingQuorum(CachedServicePair pair, ObservedPair observed, int scaleIns) {
    int members = 0;
    for (ServiceRole role : ServiceRole.values()) {
      if (observed.deployment(role).isPresent()) {
        // scale-outs apply at once, so they are in before the first removal starts
        members +=
            Math.max(observed.replicas(role), role.specOf(pair.getSpec()).replicasOrDefault());
      }
    }
    return Math.max(0, Math.min(scaleIns, members - runningQuorum(observed)));
  }

  /** The largest quorum a running template carries: the pods that refuse first. */
  private static int runningQuorum(ObservedPair observed) {
    int quorum = 1;
    for (ServiceRole role : ServiceRole.values()) {
      Integer running = observed.quorum(role);
      if (running != null) {
        quorum = Math.max(quorum, running);
      }
    }
    return quorum;
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
   * Every pod of the changed services stops (reverse start order), then all of them start on their
   * new templates with the replicas of the spec, in one pass; scale-ins are folded into the
   * restart. The Update steps stay one per Deployment (status and Events tell each), but the
   * coordinator starts them together ({@link RolloutStatus#startsWithPrevious}) and the plan ends
   * when every one of them is complete: both services ready.
   *
   * <p>Why together rather than one service after the other: the up-step is a cold start of the
   * dish service, which assigns no partition until q storage members are in, q being its restore
   * quorum (a majority of the pair's pods, {@link StorageQuorum}). One service's pods alone can be
   * fewer than q — with 2 menus and 2 orders q is 3 — so a step that starts menu-service alone
   * never gets ready and never finishes. No sequence avoids that: either service alone may be short
   * of q, and order-service first cannot finish anyway (an order replica gets ready only once the
   * menus' preload wrote the DishesLoaded marker). Starting both is what creating the pair does,
   * and it is safe for the same reason: menus get ready only after their preload from the database,
   * order replicas only once the marker is there, so none serves a partial view. The price is no
   * contract check between the two (a check waits on the pods of a completed step, and the last
   * step of any plan is not checked).
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
