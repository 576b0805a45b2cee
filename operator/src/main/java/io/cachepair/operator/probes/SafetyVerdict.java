package io.cachepair.operator.probes;

import java.util.Set;

/**
 * What the safety check found: whether the pair may lose one member now, the StatusHA reported, the
 * contract versions the members announce, and a sentence for the status.
 *
 * @param safe whether the dish service is at least NODE_SAFE
 * @param statusHA the StatusHA reported, or {@code null} when no member answered
 * @param memberContractVersions contract versions of all members, as reported
 * @param detail human-readable reason, shown in status while the operator waits
 */
public record SafetyVerdict(
    boolean safe, String statusHA, Set<Integer> memberContractVersions, String detail) {

  /** StatusHA values that tolerate the loss of one member (Coherence's ordering). */
  public static final Set<String> SAFE_STATUSES =
      Set.of("NODE_SAFE", "MACHINE_SAFE", "RACK_SAFE", "SITE_SAFE");

  /** A verdict from a reported StatusHA. */
  public static SafetyVerdict fromStatusHA(
      String statusHA, Set<Integer> contractVersions, String source) {
    boolean safe = statusHA != null && SAFE_STATUSES.contains(statusHA);
    String reported = statusHA == null ? "no running dish service" : "StatusHA " + statusHA;
    return new SafetyVerdict(
        safe, statusHA, Set.copyOf(contractVersions), reported + " (" + source + ")");
  }

  /** A verdict when no member could be asked. */
  public static SafetyVerdict unknown(String detail) {
    return new SafetyVerdict(false, null, Set.of(), detail);
  }
}
