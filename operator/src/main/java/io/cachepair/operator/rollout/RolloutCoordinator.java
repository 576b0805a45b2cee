package io.cachepair.operator.rollout;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.dependent.ObservedPair;
import io.cachepair.operator.probes.MemberProbe;
import io.cachepair.operator.rollout.gates.ContractGate;
import io.cachepair.operator.rollout.gates.Gate;
import io.cachepair.operator.rollout.gates.GateVerdict;
import io.cachepair.operator.rollout.gates.PauseBetweenStepsGate;
import io.cachepair.operator.rollout.gates.PodsGate;
import io.cachepair.operator.rollout.gates.SafetyGate;
import io.cachepair.operator.rollout.gates.StepContext;
import io.cachepair.operator.rollout.plan.PlanBuilder;
import io.cachepair.operator.rollout.plan.RolloutPlanner;
import io.cachepair.operator.rollout.words.Decision;
import io.cachepair.operator.rollout.words.Reasons;
import io.cachepair.operator.rollout.words.RolloutWords;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Advances the rollout plan by at most one step start per pass (a Recreate plan's Update steps
 * start together, as one): it plans when the running templates differ from the spec ({@link
 * PlanBuilder}), asks the gates before a step ({@link Gate}), runs a step under a write pause where
 * the plan says ({@link WritePauses}), and marks a step complete when its Deployment and pods
 * finished. All state is read from and written to the status, so another operator instance resumes
 * where the last one stopped; what it decides comes back as {@link Decision}s for logs and Events.
 */
public final class RolloutCoordinator {

  /**
   * How often the coordinator looks again without an event.
   *
   * @param progress while a step runs (Deployment and Pod events normally come first)
   * @param safety after a gate said wait on the members' reports
   * @param writePauseLease how long one grant of the write pause holds; renewed at a third left
   */
  public record Timings(Duration progress, Duration safety, Duration writePauseLease) {

    /** Production timings. */
    public static Timings defaults() {
      return new Timings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60));
    }
  }

  private static final Set<String> WARNINGS =
      Set.of(
          Reasons.PAIR_UNSAFE,
          Reasons.MEMBERSHIP_MISMATCH,
          Reasons.VIEW_INCOMPLETE,
          Reasons.WRITE_PAUSE_FAILED,
          Reasons.CONTRACT_MISMATCH,
          Reasons.INCOMPATIBLE_SCHEMA_CHANGE);

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final PlanBuilder builder;
  private final List<Gate> gates;
  private final MemberProbe members;
  private final WritePauses writePauses;
  private final Timings timings;
  private final UpgradeSlot upgradeSlot;

  /** The production gates in their order: pause, pods, contract, safety. */
  public RolloutCoordinator(
      RolloutPlanner planner,
      MemberProbe members,
      WritePauses writePauses,
      Timings timings,
      UpgradeSlot upgradeSlot) {
    this(
        new PlanBuilder(planner),
        List.of(
            new PauseBetweenStepsGate(),
            new PodsGate(timings.progress()),
            new ContractGate(timings.safety()),
            new SafetyGate(timings.safety())),
        members,
        writePauses,
        timings,
        upgradeSlot);
  }

  RolloutCoordinator(
      PlanBuilder builder,
      List<Gate> gates,
      MemberProbe members,
      WritePauses writePauses,
      Timings timings,
      UpgradeSlot upgradeSlot) {
    this.builder = builder;
    this.gates = List.copyOf(gates);
    this.members = members;
    this.writePauses = writePauses;
    this.timings = timings;
    this.upgradeSlot = upgradeSlot;
  }

  /**
   * One pass over the rollout.
   *
   * @param pair the resource; its status (if any) holds the plan so far and is not modified
   * @param observed the pair's Deployments and pods as they are now
   * @param now the time of this pass
   * @param upgradeElsewhere another pair whose operator-upgrade plan is under way, if any
   * @return the plan to store, what was decided, and when to look again
   */
  public RolloutProgress advance(
      CachedServicePair pair,
      ObservedPair observed,
      Instant now,
      Optional<String> upgradeElsewhere) {
    long generation = Objects.requireNonNullElse(pair.getMetadata().getGeneration(), 0L);
    // two copies: the plan this pass changes, and what the status said (to tell news from repeats)
    RolloutStatus previous = copyOfCurrentPlan(pair);
    List<Decision> decisions = new ArrayList<>();
    RolloutStatus plan = copyOfCurrentPlan(pair);
    if (plan != null && !Objects.equals(plan.getGeneration(), generation)) {
      // The spec changed mid-plan: plan again from what runs now; finished steps need no repeat.
      writePauses.abandon(plan, observed, decisions);
      plan = null;
    }
    if (plan == null) {
      plan = builder.plan(pair, observed, generation);
      if (plan == null) {
        upgradeSlot.release(key(pair));
        return RolloutProgress.idle(decisions);
      }
      decisions.add(RolloutWords.planned(plan));
    }
    if (plan.blocked()) {
      plan.setSummary(RolloutWords.blockedSummary(plan));
      return new RolloutProgress(plan, null, decisions);
    }
    return proceed(pair, plan, previous, observed, now, upgradeElsewhere, decisions);
  }

  private RolloutProgress proceed(
      CachedServicePair pair,
      RolloutStatus plan,
      RolloutStatus previous,
      ObservedPair observed,
      Instant now,
      Optional<String> upgradeElsewhere,
      List<Decision> decisions) {
    List<RolloutStep> steps = plan.getSteps();
    for (int index = 0; index < steps.size(); index++) {
      RolloutStep step = steps.get(index);
      if (step.getState() == StepState.Complete) {
        continue;
      }
      plan.setCurrentStep(index + 1);
      plan.setSummary(RolloutWords.summary(plan, index));
      if (step.getState() == StepState.InProgress) {
        if (finished(step, observed)) {
          Optional<String> stillPaused = writePauses.lift(pair, step, observed, now, decisions);
          if (stillPaused.isPresent()) {
            return waiting(
                plan,
                previous,
                Reasons.WRITE_PAUSE_FAILED,
                stillPaused.get(),
                timings.safety(),
                decisions);
          }
          step.setState(StepState.Complete);
          step.setCompletedAt(timestamp(now));
          decisions.add(
              Decision.normal(Reasons.STEP_COMPLETED, RolloutWords.stepCompleted(plan, index)));
          continue;
        }
        // steps that start with this one but are still pending: a plan an earlier operator made
        startTogether(plan, index, now, decisions);
        writePauses.renewIfDue(pair, plan, step, observed, now, decisions);
        plan.setWaitingFor(RolloutWords.progressOf(plan, index, observed));
        plan.setWaitingReason(null);
        return new RolloutProgress(plan, recheckWhileRunning(step), decisions);
      }
      if (pair.paused()) {
        return waiting(
            plan,
            previous,
            Reasons.PAUSED,
            "annotation "
                + CachedServicePair.PAUSED_ANNOTATION
                + "=true holds step "
                + (index + 1)
                + "; remove it to go on",
            // an annotation change bumps no generation, so no event says it was removed: look
            timings.progress(),
            decisions);
      }
      if (previous != null && Reasons.PAUSED.equals(previous.getWaitingReason())) {
        decisions.add(
            Decision.normal(
                Reasons.RESUMED,
                "annotation "
                    + CachedServicePair.PAUSED_ANNOTATION
                    + " removed: the plan goes on"));
      }
      if (PlanBuilder.OPERATOR_UPGRADE.equals(plan.getTrigger())) {
        Optional<String> other = upgradeSlot.claim(key(pair), upgradeElsewhere);
        if (other.isPresent()) {
          return waiting(
              plan,
              previous,
              Reasons.OPERATOR_UPGRADE,
              "pair "
                  + other.get()
                  + " rolls for the operator upgrade first: after an upgrade pairs roll one at a"
                  + " time",
              timings.progress(),
              decisions);
        }
      }
      StepContext context = new StepContext(pair, plan, index, observed, members, now);
      for (Gate gate : gates) {
        GateVerdict verdict = gate.check(context);
        if (verdict.kind() == GateVerdict.Kind.WAIT) {
          return waiting(
              plan, previous, verdict.reason(), verdict.message(), verdict.recheck(), decisions);
        }
        if (verdict.kind() == GateVerdict.Kind.BLOCK) {
          plan.setBlockedReason(verdict.reason());
          plan.setWaitingFor(verdict.message());
          plan.setWaitingReason(verdict.reason());
          plan.setSummary(RolloutWords.blockedSummary(plan));
          decisions.add(Decision.warning(verdict.reason(), verdict.message()));
          return new RolloutProgress(plan, null, decisions);
        }
      }
      Optional<String> notPaused = writePauses.pauseFor(pair, plan, step, observed, now, decisions);
      if (notPaused.isPresent()) {
        return waiting(
            plan,
            previous,
            Reasons.WRITE_PAUSE_FAILED,
            notPaused.get(),
            timings.safety(),
            decisions);
      }
      step.setState(StepState.InProgress);
      step.setStartedAt(timestamp(now));
      decisions.add(Decision.normal(Reasons.STEP_STARTED, RolloutWords.stepStarted(plan, index)));
      startTogether(plan, index, now, decisions);
      plan.setWaitingFor(RolloutWords.progressOf(plan, index, observed));
      plan.setWaitingReason(null);
      return new RolloutProgress(plan, recheckWhileRunning(step), decisions);
    }
    upgradeSlot.release(key(pair));
    decisions.add(Decision.normal(Reasons.ROLLOUT_COMPLETED, RolloutWords.completed(plan)));
    return RolloutProgress.idle(decisions);
  }

  /**
   * Starts the pending steps that start with the one at {@code index}, with no gate in between: a
   * Recreate plan's Update steps, which bring both services up at once (their pods together make
   * the dish service's quorum). The gates were asked for the first of them; no write pause is taken
   * in a Recreate plan.
   */
  private static void startTogether(
      RolloutStatus plan, int index, Instant now, List<Decision> decisions) {
    for (int next = index + 1; plan.startsWithPrevious(next); next++) {
      RolloutStep step = plan.getSteps().get(next);
      if (step.getState() == StepState.Pending) {
        step.setState(StepState.InProgress);
        step.setStartedAt(timestamp(now));
        decisions.add(Decision.normal(Reasons.STEP_STARTED, RolloutWords.stepStarted(plan, next)));
      }
    }
  }

  private Duration recheckWhileRunning(RolloutStep step) {
    if (!step.underWritePause()) {
      return timings.progress();
    }
    Duration renew = timings.writePauseLease().dividedBy(3);
    return renew.compareTo(timings.progress()) < 0 ? renew : timings.progress();
  }

  /** Records what the plan waits for; says it (Event) only when the reason or step changed. */
  private static RolloutProgress waiting(
      RolloutStatus plan,
      RolloutStatus previous,
      String reason,
      String message,
      Duration recheck,
      List<Decision> decisions) {
    plan.setWaitingFor(message);
    plan.setWaitingReason(reason);
    boolean news =
        previous == null
            || !reason.equals(previous.getWaitingReason())
            || !Objects.equals(previous.getCurrentStep(), plan.getCurrentStep());
    if (news) {
      String text = "step " + plan.getSummary() + " waits for " + message;
      decisions.add(
          WARNINGS.contains(reason)
              ? Decision.warning(reason, text)
              : Decision.normal(reason, text));
    }
    return new RolloutProgress(plan, recheck, decisions);
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

  private static RolloutStatus copyOfCurrentPlan(CachedServicePair pair) {
    if (pair.getStatus() == null || pair.getStatus().getRollout() == null) {
      return null;
    }
    return SERIALIZATION.clone(pair.getStatus().getRollout());
  }

  static String key(CachedServicePair pair) {
    return pair.getMetadata().getNamespace() + "/" + pair.getMetadata().getName();
  }

  static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
