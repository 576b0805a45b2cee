package io.cachepair.operator.rollout;

import java.util.Optional;

/**
 * After an operator upgrade, pairs roll one at a time: the slot names the pair whose upgrade plan
 * runs. It is held in memory and, after a restart or a leader change, recovered from the pairs'
 * statuses, which is what {@code runningElsewhere} reports.
 */
public final class UpgradeSlot {

  private String holder;

  /**
   * Takes the slot for {@code pair} unless another pair holds it.
   *
   * @param pair namespace/name of the pair whose upgrade plan wants to start a step
   * @param runningElsewhere a pair whose status shows an upgrade plan under way, if any
   * @return the pair that holds the slot instead, or empty when {@code pair} holds it now
   */
  public synchronized Optional<String> claim(String pair, Optional<String> runningElsewhere) {
    if (holder == null && runningElsewhere.isPresent() && !runningElsewhere.get().equals(pair)) {
      return runningElsewhere;
    }
    if (holder == null || holder.equals(pair)) {
      holder = pair;
      return Optional.empty();
    }
    return Optional.of(holder);
  }

  /** Frees the slot when {@code pair}'s upgrade plan is over. */
  public synchronized void release(String pair) {
    if (pair.equals(holder)) {
      holder = null;
    }
  }
}
