package io.cachepair.operator.rollout.words;

import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
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
        + (step.underWritePause() ? "; menu-service refuses writes until it is done" : "");
  }

  /** The Event of a completed step. */
  public static String stepCompleted(RolloutStatus plan, int index) {
    RolloutStep step = plan.getSteps().get(index);
    return "step "
        + summary(plan, index)
        + " completed: every "
        + step.getService().serviceName()
        + " pod updated and ready, none terminating"
        + (step.getReportedContractVersion() == null
            ? ""
            : ", contract " + step.getReportedContractVersion());
  }

  /** The Decision of a new plan: its steps and why in this order, or why nothing rolls. */
  public static Decision planned(RolloutStatus plan) {
    if (plan.blocked()) {
      return Decision.warning(plan.getBlockedReason(), plan.getOrdering());
    }
    List<String> steps = new ArrayList<>();
    for (RolloutStep step : plan.getSteps()) {
      steps.add(
          step.getService().id()
              + " "
              + step.getAction()
              + (step.underWritePause() ? " (write pause)" : ""));
    }
    String text = "planned " + String.join(", ", steps) + ": " + plan.getOrdering();
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
