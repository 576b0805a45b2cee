package io.cachepair.operator.probes;

import java.time.Duration;

/**
 * Sets and lifts the cluster-wide write pause through one menu pod's management endpoint ({@code
 * POST /actuator/writepause}, {@code DELETE /actuator/writepause}); the pause is a lease in the
 * cluster, so any ready menu pod can take it and an abandoned one expires by itself.
 */
public interface WritePauseClient {

  /**
   * What the pod answered.
   *
   * @param ok whether the pause was set or lifted
   * @param detail what happened, for logs, status and Events
   */
  record Outcome(boolean ok, String detail) {}

  /**
   * Sets or renews the pause for {@code lease} from now. Never throws.
   *
   * @param pod a ready menu pod
   * @param reason why, recorded with the pause and shown to refused writers
   * @param lease how long the pause holds unless renewed
   */
  Outcome pause(MemberPod pod, String reason, Duration lease);

  /** Lifts the pause. Never throws. */
  Outcome resume(MemberPod pod);
}
