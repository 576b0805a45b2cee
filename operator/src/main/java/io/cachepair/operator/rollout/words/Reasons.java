package io.cachepair.operator.rollout.words;

import java.util.List;

/**
 * Every reason the operator uses for Events and {@code status.rollout.waitingReason}; docs list
 * them (docs/operations.md) and a test checks that list against this one.
 */
public final class Reasons {

  /** A plan was made: its steps and why in this order. */
  public static final String ROLLOUT_PLANNED = "RolloutPlanned";

  /** A plan was made because the operator renders another pod template (an operator upgrade). */
  public static final String OPERATOR_UPGRADE = "OperatorUpgrade";

  /** A step started (its Deployment got its new template or replicas). */
  public static final String STEP_STARTED = "StepStarted";

  /** A step finished (every pod of its Deployment updated and ready, none terminating). */
  public static final String STEP_COMPLETED = "StepCompleted";

  /** Every step finished. */
  public static final String ROLLOUT_COMPLETED = "RolloutCompleted";

  /** A NONE schema change without Recreate: nothing rolls until the spec changes. */
  public static final String INCOMPATIBLE_SCHEMA_CHANGE = "IncompatibleSchemaChange";

  /** Updated pods speak another contract than the spec's: the plan stopped. */
  public static final String CONTRACT_MISMATCH = "ContractMismatch";

  /** Waiting until every pod of the pair is updated and ready. */
  public static final String WAITING_FOR_PODS = "WaitingForPods";

  /** Waiting for pods that run but are not ready yet: their preload holds readiness. */
  public static final String WAITING_FOR_PRELOAD = "WaitingForPreload";

  /** Waiting for terminating pods to be gone: they are still Coherence members. */
  public static final String WAITING_FOR_TERMINATION = "WaitingForTermination";

  /** Waiting for spec.rollout.pauseBetweenSteps. */
  public static final String PAUSE_BETWEEN_STEPS = "PauseBetweenSteps";

  /** The dish service is below NODE_SAFE, or a member did not answer the safety endpoint. */
  public static final String PAIR_UNSAFE = "PairUnsafe";

  /** The Coherence members a role has differ from the pods it runs. */
  public static final String MEMBERSHIP_MISMATCH = "MembershipMismatch";

  /** A member's dish view is not complete. */
  public static final String VIEW_INCOMPLETE = "ViewIncomplete";

  /** Waiting for the updated pods to report their contract. */
  public static final String WAITING_FOR_CONTRACT = "WaitingForContract";

  /** The write pause of a step was set (menu-service refuses writes until it is lifted). */
  public static final String WRITE_PAUSE_SET = "WritePauseSet";

  /** The write pause of a step was lifted. */
  public static final String WRITE_PAUSE_LIFTED = "WritePauseLifted";

  /** A menu pod did not take, renew or lift the write pause. */
  public static final String WRITE_PAUSE_FAILED = "WritePauseFailed";

  /** The pause annotation holds the plan. */
  public static final String PAUSED = "Paused";

  /** The pause annotation was removed. */
  public static final String RESUMED = "Resumed";

  /** A reconcile failed; the message is the error. */
  public static final String RECONCILE_ERROR = "ReconcileError";

  /** Every reason, for docs and tests. */
  public static final List<String> ALL =
      List.of(
          ROLLOUT_PLANNED,
          OPERATOR_UPGRADE,
          STEP_STARTED,
          STEP_COMPLETED,
          ROLLOUT_COMPLETED,
          INCOMPATIBLE_SCHEMA_CHANGE,
          CONTRACT_MISMATCH,
          WAITING_FOR_PODS,
          WAITING_FOR_PRELOAD,
          WAITING_FOR_TERMINATION,
          PAUSE_BETWEEN_STEPS,
          PAIR_UNSAFE,
          MEMBERSHIP_MISMATCH,
          VIEW_INCOMPLETE,
          WAITING_FOR_CONTRACT,
          WRITE_PAUSE_SET,
          WRITE_PAUSE_LIFTED,
          WRITE_PAUSE_FAILED,
          PAUSED,
          RESUMED,
          RECONCILE_ERROR);

  private Reasons() {}
}
