package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * The active rollout plan and its progress; it lives in status, not in memory, so an operator that
 * restarts mid-plan resumes at the step it left.
 */
public class RolloutStatus {

  @JsonPropertyDescription("metadata.generation of the spec this plan was made for.")
  private Long generation;

  @JsonPropertyDescription("Cache schema version the pair ran when the plan was made.")
  private Integer fromSchemaVersion;

  @JsonPropertyDescription("Cache schema version the plan rolls to.")
  private Integer toSchemaVersion;

  @JsonPropertyDescription(
      "spec.cache.compatibility the steps were ordered by; absent when the schema version does"
          + " not change.")
  private CompatibilityMode compatibility;

  @JsonPropertyDescription(
      "True for a Recreate plan (NONE schema change with spec.rollout.strategy Recreate): every"
          + " pod of both services stops before the new ones start, and both services start"
          + " together, so both are down from the first stop until the new pods of both are"
          + " ready.")
  private Boolean downtime;

  @JsonPropertyDescription("Why the steps are in this order (or why nothing rolls).")
  private String ordering;

  @JsonPropertyDescription(
      "Steps in the order they run; exactly one Deployment per step. In a Recreate plan"
          + " (downtime) the Update steps start together, in one pass, and the plan ends when"
          + " both are complete.")
  private List<RolloutStep> steps = new ArrayList<>();

  @JsonPropertyDescription("1-based index of the step running or waiting to run.")
  private Integer currentStep;

  @JsonPropertyDescription("Current step for printing, e.g. '2/3 menu Update'.")
  private String summary;

  @JsonPropertyDescription("What the plan waits for before it can go on.")
  private String waitingFor;

  @JsonPropertyDescription(
      "CamelCase reason of waitingFor (WaitingForPods, WaitingForPreload, WaitingForTermination,"
          + " PauseBetweenSteps, PairUnsafe, MembershipMismatch, ViewIncomplete,"
          + " WaitingForContract, WritePauseFailed, Paused), as in the pair's Events.")
  private String waitingReason;

  @JsonPropertyDescription(
      "Why the plan exists: SpecChange (the resource changed) or OperatorUpgrade (the operator"
          + " renders another pod template for an unchanged resource).")
  private String trigger;

  @JsonPropertyDescription(
      "Set when the plan cannot proceed without a spec change: IncompatibleSchemaChange or"
          + " ContractMismatch.")
  private String blockedReason;

  public Long getGeneration() {
    return generation;
  }

  public void setGeneration(Long generation) {
    this.generation = generation;
  }

  public Integer getFromSchemaVersion() {
    return fromSchemaVersion;
  }

  public void setFromSchemaVersion(Integer fromSchemaVersion) {
    this.fromSchemaVersion = fromSchemaVersion;
  }

  public Integer getToSchemaVersion() {
    return toSchemaVersion;
  }

  public void setToSchemaVersion(Integer toSchemaVersion) {
    this.toSchemaVersion = toSchemaVersion;
  }

  public CompatibilityMode getCompatibility() {
    return compatibility;
  }

  public void setCompatibility(CompatibilityMode compatibility) {
    this.compatibility = compatibility;
  }

  public Boolean getDowntime() {
    return downtime;
  }

  public void setDowntime(Boolean downtime) {
    this.downtime = downtime;
  }

  /** Whether the plan stops both services (a Recreate plan). */
  public boolean acceptsDowntime() {
    return Boolean.TRUE.equals(downtime);
  }

  /**
   * Whether the step at {@code index} (0-based) starts in the same pass as the step before it, with
   * no gate in between: the Update steps of a downtime plan, which bring both services up on their
   * new templates at once (why: {@code PlanBuilder}'s Recreate plan). Derived from the plan, not
   * stored, so a plan an earlier operator made and started one service of goes on with both.
   */
  public boolean startsWithPrevious(int index) {
    return acceptsDowntime()
        && index > 0
        && index < steps.size()
        && steps.get(index).getAction() == StepAction.Update
        && steps.get(index - 1).getAction() == StepAction.Update;
  }

  /** Whether the plan moves the pair to another cache schema version. */
  public boolean changesSchema() {
    return fromSchemaVersion != null
        && toSchemaVersion != null
        && !fromSchemaVersion.equals(toSchemaVersion);
  }

  public String getOrdering() {
    return ordering;
  }

  public void setOrdering(String ordering) {
    this.ordering = ordering;
  }

  public List<RolloutStep> getSteps() {
    return steps;
  }

  public void setSteps(List<RolloutStep> steps) {
    this.steps = steps;
  }

  public Integer getCurrentStep() {
    return currentStep;
  }

  public void setCurrentStep(Integer currentStep) {
    this.currentStep = currentStep;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getWaitingFor() {
    return waitingFor;
  }

  public void setWaitingFor(String waitingFor) {
    this.waitingFor = waitingFor;
  }

  public String getWaitingReason() {
    return waitingReason;
  }

  public void setWaitingReason(String waitingReason) {
    this.waitingReason = waitingReason;
  }

  public String getTrigger() {
    return trigger;
  }

  public void setTrigger(String trigger) {
    this.trigger = trigger;
  }

  public String getBlockedReason() {
    return blockedReason;
  }

  public void setBlockedReason(String blockedReason) {
    this.blockedReason = blockedReason;
  }

  /** Whether the plan cannot proceed. */
  public boolean blocked() {
    return blockedReason != null;
  }

  /**
   * Whether the Deployment of {@code role} must keep the pod template it runs: while the plan is
   * blocked, or while its update step has not started.
   */
  public boolean holdsTemplateOf(ServiceRole role) {
    if (blocked()) {
      return true;
    }
    return steps.stream()
        .anyMatch(
            s ->
                s.getService() == role
                    && s.getAction() == StepAction.Update
                    && s.getState() == StepState.Pending);
  }

  /**
   * Replicas the plan allows for {@code role}: the target of its last started step that sets
   * replicas (ScaleIn, ScaleDown, or the Update that starts a Recreate plan's new pods), else the
   * starting point of its first pending one, else {@code null} (the plan does not scale it).
   */
  public Integer replicasOf(ServiceRole role) {
    Integer started = null;
    Integer pending = null;
    for (RolloutStep step : steps) {
      if (step.getService() != role || step.getToReplicas() == null) {
        continue;
      }
      if (step.getState() == StepState.Pending) {
        if (pending == null) {
          pending = step.getFromReplicas();
        }
      } else {
        started = step.getToReplicas();
      }
    }
    return started != null ? started : pending;
  }
}
