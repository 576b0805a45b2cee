package io.cachepair.operator.rollout;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.dependent.ObservedPair;
import io.cachepair.operator.probes.MemberPod;
import io.cachepair.operator.probes.WritePauseClient;
import io.cachepair.operator.rollout.words.Decision;
import io.cachepair.operator.rollout.words.Reasons;
import io.cachepair.operator.rollout.words.RolloutWords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The write pause of a step: taken through one ready menu pod before the step starts, renewed while
 * it runs (a lease: if the operator goes away it expires by itself), lifted once the step is done.
 * The grant's end is kept in the step, so another operator instance renews and lifts it.
 */
public final class WritePauses {

  private final WritePauseClient client;
  private final Duration lease;

  public WritePauses(WritePauseClient client, Duration lease) {
    this.client = client;
    this.lease = lease;
  }

  /**
   * Takes the pause before a write-paused step starts.
   *
   * @return why it could not be taken, or empty when the step may start
   */
  Optional<String> pauseFor(
      CachedServicePair pair,
      RolloutStatus plan,
      RolloutStep step,
      ObservedPair observed,
      Instant now,
      List<Decision> decisions) {
    if (!step.underWritePause()) {
      return Optional.empty();
    }
    Optional<MemberPod> menu = readyMenu(observed);
    if (menu.isEmpty()) {
      return Optional.of("a ready menu-service pod to take the write pause");
    }
    WritePauseClient.Outcome outcome = client.pause(menu.get(), reason(pair, plan), lease);
    if (!outcome.ok()) {
      return Optional.of("the write pause before the step: " + outcome.detail());
    }
    step.setWritePauseUntil(RolloutCoordinator.timestamp(now.plus(lease)));
    decisions.add(
        Decision.normal(
            Reasons.WRITE_PAUSE_SET,
            outcome.detail()
                + ": menu-service refuses writes (503 writes-paused) while "
                + RolloutWords.summary(plan, plan.getCurrentStep() - 1)
                + " runs; orders keep flowing"));
    return Optional.empty();
  }

  /** Renews the pause of a running step when a third of its lease or less is left. */
  void renewIfDue(
      CachedServicePair pair,
      RolloutStatus plan,
      RolloutStep step,
      ObservedPair observed,
      Instant now,
      List<Decision> decisions) {
    if (!step.underWritePause()) {
      return;
    }
    Instant until =
        step.getWritePauseUntil() == null ? now : Instant.parse(step.getWritePauseUntil());
    if (Duration.between(now, until).compareTo(lease.dividedBy(3)) > 0) {
      return;
    }
    Optional<MemberPod> menu = readyMenu(observed);
    WritePauseClient.Outcome outcome =
        menu.isEmpty()
            ? new WritePauseClient.Outcome(false, "no ready menu-service pod")
            : client.pause(menu.get(), reason(pair, plan), lease);
    if (outcome.ok()) {
      step.setWritePauseUntil(RolloutCoordinator.timestamp(now.plus(lease)));
    } else {
      decisions.add(
          Decision.warning(
              Reasons.WRITE_PAUSE_FAILED,
              "could not renew the write pause of step "
                  + plan.getSummary()
                  + " (it lapses at "
                  + step.getWritePauseUntil()
                  + "): "
                  + outcome.detail()));
    }
  }

  /**
   * Lifts the pause of a finished step.
   *
   * @return what still holds the step (the pause could not be lifted and has not lapsed), or empty
   */
  Optional<String> lift(
      CachedServicePair pair,
      RolloutStep step,
      ObservedPair observed,
      Instant now,
      List<Decision> decisions) {
    if (!step.underWritePause() || step.getWritePauseUntil() == null) {
      return Optional.empty();
    }
    Optional<MemberPod> menu = readyMenu(observed);
    WritePauseClient.Outcome outcome =
        menu.isEmpty()
            ? new WritePauseClient.Outcome(false, "no ready menu-service pod")
            : client.resume(menu.get());
    Instant until = Instant.parse(step.getWritePauseUntil());
    if (outcome.ok()) {
      decisions.add(
          Decision.normal(
              Reasons.WRITE_PAUSE_LIFTED, outcome.detail() + ": menu-service takes writes again"));
    } else if (now.isBefore(until)) {
      return Optional.of("lifting the write pause: " + outcome.detail());
    } else {
      decisions.add(
          Decision.warning(
              Reasons.WRITE_PAUSE_FAILED,
              "could not lift the write pause ("
                  + outcome.detail()
                  + "); it lapsed at "
                  + step.getWritePauseUntil()
                  + " and menus ignore it"));
    }
    step.setWritePauseUntil(null);
    return Optional.empty();
  }

  /** Lifts the pause of a plan dropped because the spec changed mid-step (best effort). */
  void abandon(RolloutStatus plan, ObservedPair observed, List<Decision> decisions) {
    for (RolloutStep step : plan.getSteps()) {
      if (step.getState() == StepState.InProgress
          && step.underWritePause()
          && step.getWritePauseUntil() != null) {
        Optional<MemberPod> menu = readyMenu(observed);
        WritePauseClient.Outcome outcome =
            menu.isEmpty()
                ? new WritePauseClient.Outcome(false, "no ready menu-service pod")
                : client.resume(menu.get());
        decisions.add(
            outcome.ok()
                ? Decision.normal(
                    Reasons.WRITE_PAUSE_LIFTED,
                    outcome.detail() + ": the spec changed mid-step, the plan is made again")
                : Decision.warning(
                    Reasons.WRITE_PAUSE_FAILED,
                    "the spec changed mid-step and the write pause could not be lifted ("
                        + outcome.detail()
                        + "); it lapses at "
                        + step.getWritePauseUntil()));
      }
    }
  }

  private static Optional<MemberPod> readyMenu(ObservedPair observed) {
    return observed.readyMembers(ServiceRole.MENU).stream().findFirst();
  }

  private static String reason(CachedServicePair pair, RolloutStatus plan) {
    return "rollout of "
        + RolloutCoordinator.key(pair)
        + ": step "
        + plan.getSummary()
        + " (cachepair operator)";
  }
}
