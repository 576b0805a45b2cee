package io.cachepair.operator.rollout.words;

import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.dependent.ObservedPair;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentences of a rollout, kept apart from its logic so that status, Events and logs say the
 * same thing in the same words.
 */
public final class RolloutWords {

  private RolloutWords() {}

  /** {@code "2/3 menu Update, schema 1->2 BACKWARD"}. */
  public static String summary(RolloutStatus plan, int index) {
    RolloutStep step = plan.getSteps().get(index);
    return (index + 1)
        + "/"
        + plan.getSteps().size()
        + " "
        + step.getService().id()
        + " "
        + step.getAction()
        + schemaSuffix(plan);
  }

  /** {@code "blocked: ContractMismatch, schema 1->2 BACKWARD"}. */
  public static String blockedSummary(RolloutStatus plan) {
    return "blocked: " + plan.getBlockedReason() + schemaSuffix(plan);
  }

  static String schemaSuffix(RolloutStatus plan) {
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

  /**
   * What the running step at {@code index} waits for, with the running steps that started with it:
   * {@code "menu-service to roll out (2/2 updated, 0/2 ready); order-service to roll out (...)"}.
   */
  public static String progressOf(RolloutStatus plan, int index, ObservedPair observed) {
    List<String> parts = new ArrayList<>();
    parts.add(progressOf(plan.getSteps().get(index), observed));
    for (int next = index + 1; plan.startsWithPrevious(next); next++) {
      RolloutStep step = plan.getSteps().get(next);
      if (step.getState() == StepState.InProgress) {
        parts.add(progressOf(step, observed));
      }
    }
    return String.join("; ", parts);
  }

  /** What a running step waits for, e.g. {@code "order-service to roll out (1/2 updated...)"}. */
  public static String progressOf(RolloutStep step, ObservedPair observed) {
    ServiceRole role = step.getService();
    int wanted = step.getToReplicas() != null ? step.getToReplicas() : observed.replicas(role);
    String what =
        switch (step.getAction()) {
          case Update -> "roll out";
          case ScaleIn -> "scale in to " + wanted;
          case ScaleDown -> "stop every pod";
        };
    String terminating =
        observed.terminatingPods(role) == 0
            ? ""
            : ", " + observed.terminatingPods(role) + " terminating";
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
        + " ready"
        + terminating
        + ")"
        + (step.underWritePause() ? " under a write pause" : "");
  }

  /** {@code "menu-service 2/2 ready, order-service 0/1 ready, 1 terminating"}. */
  public static String readiness(ObservedPair observed) {
    List<String> parts = new ArrayList<>();
    for (ServiceRole role : ServiceRole.values()) {
      int terminating = observed.terminatingPods(role);
      parts.add(
          role.serviceName()
              + " "
              + (observed.podsKnown() ? observed.readyPods(role) : observed.readyReplicas(role))
              + "/"
              + observed.replicas(role)
              + " ready"
              + (terminating == 0 ? "" : ", " + terminating + " terminating"));
    }
    return String.join(", ", parts);
  }

  /** The Event of a started step. */
  public static String stepStarted(RolloutStatus plan, int index) {
    RolloutStep step = plan.getSteps().get(index);
    String what =
        switch (step.getAction()) {
          case Update ->
              "new pod template"
                  + (step.getToImage() == null ? "" : " (image " + step.getToImage() + ")");
          case ScaleIn -> "replicas " + step.getFromReplicas() + " -> " + step.getToReplicas();
          case ScaleDown -> "every pod stopped (planned downtime)";
        };
    return "step "
        + summary(plan, index)
        + " started: "
        + step.getService().serviceName()
        + " gets "
        + what
        + (step.underWritePause() ? "; menu-service refuses writes until it is done" : "")
        + together(plan, index);
  }

  /**
   * How the step at {@code index} starts with others: {@code ", together with step 3/4
   * (menu-service)"} for one that starts with the step before it, {@code "; order-service (step
   * 4/4) starts with it, so that ..."} for the first of them, else nothing.
   */
  private static String together(RolloutStatus plan, int index) {
    if (plan.startsWithPrevious(index)) {
      int first = index;
      while (plan.startsWithPrevious(first)) {
        first--;
      }
      return ", together with step "
          + (first + 1)
          + "/"
          + plan.getSteps().size()
          + " ("
          + plan.getSteps().get(first).getService().serviceName()
          + ")";
    }
    List<String> with = new ArrayList<>();
    for (int next = index + 1; plan.startsWithPrevious(next); next++) {
      with.add(
          plan.getSteps().get(next).getService().serviceName()
              + " (step "
              + (next + 1)
              + "/"
              + plan.getSteps().size()
              + ")");
    }
    if (with.isEmpty()) {
      return "";
    }
    return "; "
        + String.join(", ", with)
        + " starts with it, so that the pods of both services make the dish service's quorum"
        + " (planned downtime until both are ready)";
  }

  /** The Event of a completed step. */
  public static String stepCompleted(RolloutStatus plan, int index) {
    RolloutStep step = plan.getSteps().get(index);
    return "step "
        + summary(plan, index)
        + " completed: every "
        + step.getService().serviceName()
        + (step.getAction() == StepAction.ScaleDown
            ? " pod stopped"
            : " pod updated and ready, none terminating")
        + (step.getReportedContractVersion() == null
            ? ""
            : ", contract " + step.getReportedContractVersion());
  }

  /** The Decision of a new plan: its steps and why in this order, or why nothing rolls. */
  public static Decision planned(RolloutStatus plan) {
    if (plan.blocked()) {
      return Decision.warning(plan.getBlockedReason(), plan.getOrdering());
    }
    StringBuilder steps = new StringBuilder();
    for (int index = 0; index < plan.getSteps().size(); index++) {
      RolloutStep step = plan.getSteps().get(index);
      if (index > 0) {
        // steps that start together are joined with " + "
        steps.append(plan.startsWithPrevious(index) ? " + " : ", ");
      }
      steps
          .append(step.getService().id())
          .append(' ')
          .append(step.getAction())
          .append(step.underWritePause() ? " (write pause)" : "");
    }
    String text = "planned " + steps + ": " + plan.getOrdering();
    if ("OperatorUpgrade".equals(plan.getTrigger())) {
      return Decision.normal(
          Reasons.OPERATOR_UPGRADE,
          "the operator renders another pod template for an unchanged resource (generation "
              + plan.getGeneration()
              + "); "
              + text);
    }
    return Decision.normal(Reasons.ROLLOUT_PLANNED, text);
  }

  /** {@code "rollout complete: 2 steps, schema 1->2"}. */
  public static String completed(RolloutStatus plan) {
    int steps = plan.getSteps().size();
    return "rollout complete: "
        + steps
        + " step"
        + (steps == 1 ? "" : "s")
        + (plan.changesSchema()
            ? ", schema " + plan.getFromSchemaVersion() + "->" + plan.getToSchemaVersion()
            : "");
  }
}
