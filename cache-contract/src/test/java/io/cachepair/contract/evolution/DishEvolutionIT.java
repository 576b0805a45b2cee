package io.cachepair.contract.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cachepair.testsupport.cluster.TestCluster;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evolution round trip across JVMs: a member with Dish v2 (one appended field) and a member with
 * the real Dish v1 share the dish service. Each updates, through an entry processor executed where
 * it owns the key, a dish the other wrote; nothing the other version knows is lost.
 */
class DishEvolutionIT {

  static MemberJvm v1;
  static MemberJvm v2;

  @BeforeAll
  static void startMembers() {
    TestCluster cluster = TestCluster.forClass(DishEvolutionIT.class);
    String classpath = System.getProperty("java.class.path");
    Path v2Classes = Path.of("target", "dish-v2-classes").toAbsolutePath();
    Path logs = Path.of("target", "evolution-logs");
    v1 = new MemberJvm("dish-v1", classpath, cluster, logs);
    v2 = new MemberJvm("dish-v2", v2Classes + File.pathSeparator + classpath, cluster, logs);
    assertThat(v1.awaitReady()).startsWith("READY v1");
    assertThat(v2.awaitReady()).startsWith("READY v2");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              assertThat(v1.ask("status")).isEqualTo("2 NODE_SAFE");
              assertThat(v2.ask("status")).isEqualTo("2 NODE_SAFE");
            });
  }

  @AfterAll
  static void stopMembers() {
    if (v1 != null) {
      v1.close();
    }
    if (v2 != null) {
      v2.close();
    }
  }

  @Test
  void v2DishUpdatedOnAV1Member_keepsTheFieldV1DoesNotKnow() {
    String key = v1.ask("owned-key v2-written");
    v2.ask("write " + key + " 1000 3");
    assertThat(v2.ask("get " + key)).isEqualTo("price=1000 spice=3 version=1");

    assertThat(v2.ask("reprice " + key + " 1250")).isEqualTo("repriced on a member with Dish v1");

    assertThat(v2.ask("get " + key)).isEqualTo("price=1250 spice=3 version=2");
    assertThat(v1.ask("get " + key)).isEqualTo("price=1250 spice=null version=2");
  }

  @Test
  void v1DishUpdatedOnAV2Member_isStillReadByV1() {
    String key = v2.ask("owned-key v1-written");
    v1.ask("write " + key + " 800 0");

    assertThat(v1.ask("reprice " + key + " 850")).isEqualTo("repriced on a member with Dish v2");

    assertThat(v1.ask("get " + key)).isEqualTo("price=850 spice=null version=2");
    assertThat(v2.ask("get " + key)).isEqualTo("price=850 spice=0 version=2");
  }
}
