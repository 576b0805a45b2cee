package io.cachepair.member.cache;

import com.tangosol.net.Cluster;

/**
 * A check that must pass before this member's dish service starts, i.e. before it may own a single
 * partition. A member that fails one never stores anything and must not be admitted.
 */
@FunctionalInterface
public interface MemberAdmission {

  /**
   * Checks that this member may store dishes in the cluster it joined.
   *
   * @param cluster the joined cluster, with its current members
   * @throws MemberRefusedException when this member must not start its dish service
   */
  void admit(Cluster cluster);
}
