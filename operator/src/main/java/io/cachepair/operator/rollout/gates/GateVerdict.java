package io.cachepair.operator.rollout.gates;

import java.time.Duration;

/**
 * What a gate says about the next step: go on, wait (and look again after {@code recheck}), or stop
 * until the spec changes.
 *
 * @param kind open, wait or block
 * @param reason CamelCase reason of a wait or block (see {@code Reasons}), else {@code null}
 * @param message what the gate waits for or why it stopped, for status and Events
 * @param recheck when to look again while waiting, else {@code null}
 */
public record GateVerdict(Kind kind, String reason, String message, Duration recheck) {

  /** The three answers of a gate. */
  public enum Kind {
    OPEN,
    WAIT,
    BLOCK
  }

  private static final GateVerdict OPEN = new GateVerdict(Kind.OPEN, null, null, null);

  public static GateVerdict open() {
    return OPEN;
  }

  public static GateVerdict waitFor(String reason, String message, Duration recheck) {
    return new GateVerdict(Kind.WAIT, reason, message, recheck);
  }

  public static GateVerdict block(String reason, String message) {
    return new GateVerdict(Kind.BLOCK, reason, message, null);
  }

  public boolean isOpen() {
    return kind == Kind.OPEN;
  }
}
