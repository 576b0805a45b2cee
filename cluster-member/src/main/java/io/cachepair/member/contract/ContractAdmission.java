package io.cachepair.member.contract;

import com.tangosol.net.Cluster;
import com.tangosol.net.Member;
import io.cachepair.contract.MemberContract;
import io.cachepair.member.cache.MemberAdmission;
import io.cachepair.member.cache.MemberRefusedException;
import java.util.Set;

/**
 * Refuses this member when its contract conflicts with a member already in the cluster (one of them
 * could not read the other's dishes), or when the deployment expects another contract version
 * ({@code cachepair.cache.schema-version}, env {@code CACHEPAIR_CACHE_SCHEMAVERSION}).
 */
public class ContractAdmission implements MemberAdmission {

  private final MemberContract mine;
  private final Integer expectedVersion;

  /**
   * Creates the check.
   *
   * @param mine this build's contract
   * @param expectedVersion the contract version the deployment expects, or {@code null} for any
   */
  public ContractAdmission(MemberContract mine, Integer expectedVersion) {
    this.mine = mine;
    this.expectedVersion = expectedVersion;
  }

  @Override
  public void admit(Cluster cluster) {
    if (expectedVersion != null && expectedVersion != mine.version()) {
      throw new MemberRefusedException(
          "this member speaks cache contract "
              + mine.version()
              + " but its deployment expects contract "
              + expectedVersion
              + " (cachepair.cache.schema-version)");
    }
    Member local = cluster.getLocalMember();
    @SuppressWarnings("unchecked")
    Set<Member> members = cluster.getMemberSet();
    for (Member other : members) {
      if (other.equals(local)) {
        continue;
      }
      MemberContract.of(other)
          .flatMap(mine::conflictWith)
          .ifPresent(
              rule -> {
                throw new MemberRefusedException(
                    "cache contract "
                        + mine.version()
                        + " of this member is incompatible with contract "
                        + MemberContract.of(other).orElseThrow().version()
                        + " of member "
                        + other.getId()
                        + " ("
                        + MemberContract.functionalRole(other)
                        + "): "
                        + rule);
              });
    }
  }
}
