package io.cachepair.operator.rollout;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.DurationField;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.dependent.DeploymentBlueprint;
import io.cachepair.operator.dependent.ObservedPair;
import io.cachepair.operator.probes.ContractReport;
import io.cachepair.operator.probes.PairSafetyProbe;
import io.cachepair.operator.probes.SafetyVerdict;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Advances the rollout plan by at most one step start per pass: it plans when the running templates
 * differ from the spec, waits until every pod is ready and the pair is safe before a step, checks
 * before the next step of a schema change that the updated service's pods speak the new contract,
 * and marks a step complete when its Deployment finished. All state is read from and written to the
 * status, so a restarted operator resumes where the last one stopped.
 */
public final class RolloutCoordinator {

  /** How soon to ask the pair again after it reported an unsafe state. */
  public static final Duration SAFETY_RECHECK = Duration.ofSeconds(10);

  /** Fallback look while waiting on Deployments; their events normally come first. */
  public static final Duration PROGRESS_RECHECK = Duration.ofSeconds(30);

  /** Reason of a plan stopped because updated pods report another contract than the spec's. */
  public static final String CONTRACT_MISMATCH = "ContractMismatch";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final RolloutPlanner planner;
  private final PairSafetyProbe safetyProbe;
  private final Duration safetyRecheck;

  public RolloutCoordinator(RolloutPlanner planner, PairSafetyProbe safetyProbe) {
    this(planner, safetyProbe, SAFETY_RECHECK);
  }

  /**
   * @param safetyRecheck how soon to ask again after an unsafe verdict
   */
  public RolloutCoordinator(
      RolloutPlanner planner, PairSafetyProbe safetyProbe, Duration safetyRecheck) {
    this.planner = planner;
    this.safetyProbe = safetyProbe;
    this.safetyRecheck = safetyRecheck;
  }

  /**
   * One pass over the rollout.
   *
   * @param pair the resource; its status (if any) holds the plan so far and is not modified
   * @param observed the pair's Deployments as they are now
   * @param now the time of this pass
   * @return the plan to store and when to look again
   */
  public RolloutProgress advance(CachedServicePair pair, ObservedPair observed, Instant now) {
    long generation = Objects.requireNonNullElse(pair.getMetadata().getGeneration(), 0L);
    RolloutStatus plan = copyOfCurrentPlan(pair);
    if (plan != null && !Objects.equals(plan.getGeneration(), generation)) {
      // The spec changed mid-plan: plan again from what runs now; finished steps need no repeat.
      plan = null;
    }
    if (plan == null) {
      plan = newPlan(pair, observed, generation);
      if (plan == null) {
        return RolloutProgress.idle();
      }
    }
    if (plan.blocked()) {
      return new RolloutProgress(plan, null);
    }
    return proceed(pair, plan, observed, now);
  }

  private RolloutStatus newPlan(CachedServicePair pair, ObservedPair observed, long generation) {
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
        plan.setSummary(blockedSummary(plan));
        return plan;
      }
      requireEachChangeOnce(decision, changes);
      if (decision.recreate()) {
        plan.setDowntime(true);
        steps = recreateSteps(pair, observed, decision, changes);
      } else {
        for (ServiceRole role : decision.order()) {
          steps.add(update(changeOf(changes, role)));
        }
      }
    } else {
      plan.setOrdering("one pod at a time, each removal checked for safety");
    }
    plan.setSteps(steps);
    return plan;
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

  private RolloutProgress proceed(
      CachedServicePair pair, RolloutStatus plan, ObservedPair observed, Instant now) {
    List<RolloutStep> steps = plan.getSteps();
    for (int index = 0; index < steps.size(); index++) {
      RolloutStep step = steps.get(index);
      if (step.getState() == StepState.Complete) {
        continue;
      }
      plan.setCurrentStep(index + 1);
      plan.setSummary(
          (index + 1)
              + "/"
              + steps.size()
              + " "
              + step.getService().id()
              + " "
              + step.getAction()
              + schemaSuffix(plan));
      if (step.getState() == StepState.InProgress) {
        if (finished(step, observed)) {
          step.setState(StepState.Complete);
          step.setCompletedAt(timestamp(now));
          continue;
        }
        plan.setWaitingFor(progressOf(step, observed));
        return new RolloutProgress(plan, PROGRESS_RECHECK);
      }
      Duration pauseLeft = pauseLeft(pair, index == 0 ? null : steps.get(index - 1), now);
      if (!pauseLeft.isZero()) {
        plan.setWaitingFor("pause between steps (" + pauseLeft.toSeconds() + "s left)");
        return new RolloutProgress(plan, pauseLeft);
      }
      if (!observed.allSettled()) {
        plan.setWaitingFor(
            "every pod ready before step " + (index + 1) + " (" + readiness(observed) + ")");
        return new RolloutProgress(plan, PROGRESS_RECHECK);
      }
      RolloutProgress contract = checkContracts(pair, plan, index);
      if (contract != null) {
        return contract;
      }
      // A Recreate plan stops the whole pair on purpose and starts members next to nobody: no
      // member leaves a serving cluster, so there is no partition loss to guard against.
      SafetyVerdict verdict = plan.acceptsDowntime() ? null : safetyProbe.check(pair);
      if (verdict != null && !verdict.safe()) {
        plan.setWaitingFor(
            "dish service at least NODE_SAFE before step " + (index + 1) + ": " + verdict.detail());
        return new RolloutProgress(plan, safetyRecheck);
      }
      step.setState(StepState.InProgress);
      step.setStartedAt(timestamp(now));
      plan.setWaitingFor(progressOf(step, observed));
      return new RolloutProgress(plan, PROGRESS_RECHECK);
    }
    return RolloutProgress.idle();
  }

  /**
   * Before the step at {@code index} of a schema change: every completed Update step's service must
   * report the target contract. Returns {@code null} to go on, or the progress to store: waiting
   * while no member answers, stopped with {@link #CONTRACT_MISMATCH} on another version.
   */
  private RolloutProgress checkContracts(CachedServicePair pair, RolloutStatus plan, int index) {
    if (!plan.changesSchema()) {
      return null;
    }
    int expected = plan.getToSchemaVersion();
    for (RolloutStep done : plan.getSteps().subList(0, index)) {
      if (done.getAction() != StepAction.Update || done.getReportedContractVersion() != null) {
        continue;
      }
      ServiceRole role = done.getService();
      ContractReport report = safetyProbe.contractOf(pair, role);
      if (!report.answered()) {
        plan.setWaitingFor(
            "contract of the new "
                + role.serviceName()
                + " pods before step "
                + (index + 1)
                + ": "
                + report.detail());
        return new RolloutProgress(plan, safetyRecheck);
      }
      done.setReportedContractVersion(report.answeringVersion());
      Optional<String> mismatch = report.mismatchWith(expected);
      if (mismatch.isPresent()) {
        plan.setBlockedReason(CONTRACT_MISMATCH);
        plan.setWaitingFor(
            mismatch.get()
                + "; spec.cache.schemaVersion is "
                + expected
                + " (schema "
                + plan.getFromSchemaVersion()
                + "->"
                + expected
                + "). The rollout stopped before step "
                + (index + 1)
                + ": set spec."
                + role.id()
                + ".image to an image built for contract "
                + expected
                + ", or change spec.cache back, to plan again");
        plan.setSummary(blockedSummary(plan));
        return new RolloutProgress(plan, null);
      }
    }
    return null;
  }

  private static String blockedSummary(RolloutStatus plan) {
    return "blocked: " + plan.getBlockedReason() + schemaSuffix(plan);
  }

  private static String schemaSuffix(RolloutStatus plan) {
    if (!plan.changesSchema()) {
      return "";
    }
    String mode = plan.getCompatibility() == null ? "" : " " + plan.getCompatibility();
    return ", schema "
        + plan.getFromSchemaVersion()
        + "->"
        + plan.getToSchemaVersion()
        + mode
        + (plan.acceptsDowntime() ? " Recreate" : "");
  }

  private static boolean finished(RolloutStep step, ObservedPair observed) {
    ServiceRole role = step.getService();
    boolean templateReached =
        step.getAction() != StepAction.Update
            || Objects.equals(step.getToRevision(), observed.revision(role));
    boolean replicasReached =
        step.getToReplicas() == null
            || Objects.equals(step.getToReplicas(), observed.replicas(role));
    return templateReached && replicasReached && observed.settled(role);
  }

  private static String progressOf(RolloutStep step, ObservedPair observed) {
    ServiceRole role = step.getService();
    int wanted = step.getToReplicas() != null ? step.getToReplicas() : observed.replicas(role);
    String what =
        switch (step.getAction()) {
          case Update -> "roll out";
          case ScaleIn -> "scale in to " + wanted;
          case ScaleDown -> "stop every pod";
        };
    return role.serviceName()
        + " to "
        + what
        + " ("
        + observed.updatedReplicas(role)
        + "/"
        + wanted
        + " updated, "
        + observed.readyReplicas(role)
        + "/"
        + wanted
        + " ready)";
  }

  private static String readiness(ObservedPair observed) {
    List<String> parts = new ArrayList<>();
    for (ServiceRole role : ServiceRole.values()) {
      parts.add(
          role.serviceName()
              + " "
              + observed.readyReplicas(role)
              + "/"
              + observed.replicas(role)
              + " ready");
    }
    return String.join(", ", parts);
  }

  private static Duration pauseLeft(CachedServicePair pair, RolloutStep previous, Instant now) {
    if (previous == null || previous.getCompletedAt() == null) {
      return Duration.ZERO;
    }
    Duration pause =
        DurationField.parse(
            pair.getSpec().rolloutOrDefault().getPauseBetweenSteps(), Duration.ZERO);
    Instant until = Instant.parse(previous.getCompletedAt()).plus(pause);
    return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
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

  private static RolloutStatus copyOfCurrentPlan(CachedServicePair pair) {
    if (pair.getStatus() == null || pair.getStatus().getRollout() == null) {
      return null;
    }
    return SERIALIZATION.clone(pair.getStatus().getRollout());
  }

  static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
