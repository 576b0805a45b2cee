package io.cachepair.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.testing.Pairs;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorageQuorumTest {

  @ParameterizedTest(name = "{0} storage members -> quorum {1}")
  @CsvSource({"1, 1", "2, 1", "3, 2", "4, 3", "5, 3", "6, 4", "7, 4"})
  void of_isAStrictMajorityFromThreeMembers_oneBelow(int members, int quorum) {
    assertThat(StorageQuorum.of(members)).isEqualTo(quorum);
  }

  @Test
  void of_aMajorityLeavesEveryClusterOfThreeOrMoreWorkingWithOneMemberGone() {
    for (int members = 3; members <= 50; members++) {
      int quorum = StorageQuorum.of(members);
      assertThat(quorum * 2).as("a majority of %d", members).isGreaterThan(members);
      assertThat(members - 1).as("one loss in %d", members).isGreaterThanOrEqualTo(quorum);
    }
  }

  @Test
  void ofSpec_countsMenuAndOrderReplicas() {
    CachedServicePair pair = Pairs.minimal("food");
    pair.getSpec().getMenu().setReplicas(2);
    pair.getSpec().getOrder().setReplicas(3);

    assertThat(StorageQuorum.storageMembers(pair.getSpec())).isEqualTo(5);
    assertThat(StorageQuorum.of(pair.getSpec())).isEqualTo(3);
  }

  @Test
  void inTemplate_readsTheRenderedValue_orTheServicesDefaultWithoutOne() {
    CachedServicePair pair = Pairs.minimal("food");
    pair.getSpec().getMenu().setReplicas(3);
    pair.getSpec().getOrder().setReplicas(3);

    assertThat(StorageQuorum.inTemplate(DeploymentBlueprint.podTemplate(pair, ServiceRole.MENU)))
        .isEqualTo(4);
    assertThat(StorageQuorum.inTemplate(template(null))).isEqualTo(1);
    assertThat(StorageQuorum.inTemplate(template("not-a-number"))).isEqualTo(1);
    assertThat(StorageQuorum.inTemplate(template("5"))).isEqualTo(5);
    assertThat(StorageQuorum.inTemplate(null)).isEqualTo(1);
  }

  private static PodTemplateSpec template(String quorum) {
    var container = new PodTemplateSpecBuilder().withNewSpec().addNewContainer().withName("menu");
    if (quorum != null) {
      container.addNewEnv().withName(StorageQuorum.ENV).withValue(quorum).endEnv();
    }
    return container.endContainer().endSpec().build();
  }
}
