package io.cachepair.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.tangosol.net.MemberIdentity;
import org.junit.jupiter.api.Test;

class MemberContractTest {

  @Test
  void roleName_roundTripsThroughTheMemberIdentity() {
    MemberContract contract = new MemberContract(3, 2);
    String role = contract.roleName("menu");
    assertThat(role).isEqualTo("menu,contract-3,reads-2");
    MemberIdentity member = new RoleOnly(role);
    assertThat(MemberContract.of(member)).contains(contract);
    assertThat(MemberContract.functionalRole(member)).isEqualTo("menu");
  }

  @Test
  void memberWithoutAnnouncement_hasNoContract() {
    assertThat(MemberContract.of(new RoleOnly("some-tool"))).isEmpty();
    assertThat(MemberContract.functionalRole(new RoleOnly(null))).isEqualTo("unknown");
  }

  @Test
  void conflict_whenOneSideCannotReadTheOther_namesBothVersions() {
    MemberContract v3ReadsFrom3 = new MemberContract(3, 3);
    MemberContract v1 = new MemberContract(1, 1);
    assertThat(v3ReadsFrom3.conflictWith(v1))
        .get()
        .asString()
        .contains("contract 3")
        .contains("contract 1");
    assertThat(v1.conflictWith(v3ReadsFrom3)).isPresent();
  }

  @Test
  void noConflict_whenEachReadsTheOther() {
    MemberContract v2ReadsFrom1 = new MemberContract(2, 1);
    MemberContract v1 = new MemberContract(1, 1);
    assertThat(v2ReadsFrom1.conflictWith(v1)).isEmpty();
    assertThat(v1.conflictWith(v2ReadsFrom1)).isEmpty();
    assertThat(v1.conflictWith(v1)).isEmpty();
  }

  /** A member identity with nothing but a role name; the role parsing is Coherence's own. */
  private record RoleOnly(String getRoleName) implements MemberIdentity {
    @Override
    public String getClusterName() {
      return "test";
    }

    @Override
    public int getMachineId() {
      return 0;
    }

    @Override
    public String getMachineName() {
      return null;
    }

    @Override
    public String getMemberName() {
      return null;
    }

    @Override
    public int getPriority() {
      return 0;
    }

    @Override
    public String getProcessName() {
      return null;
    }

    @Override
    public String getRackName() {
      return null;
    }

    @Override
    public String getSiteName() {
      return null;
    }
  }
}
