package io.cachepair.operator.probes;

import java.util.List;

/**
 * Reads {@code GET /actuator/cachepair} from pods; an interface so that rollout tests drive the
 * gates without members.
 */
public interface MemberProbe {

  /**
   * Asks every pod at once. Implementations return within a few seconds and never throw: a pod that
   * does not answer is a failed reading with the reason.
   *
   * @param pods the pods to ask, each on its own IP
   * @return one reading per pod, in the order given
   */
  List<MemberReading> read(List<MemberPod> pods);
}
