package io.cachepair.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.dish.RemoveIfRevision;
import io.cachepair.contract.dish.ReplaceIfRevision;
import io.cachepair.contract.dish.VersionedPut;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.LocalDishes;
import io.cachepair.testsupport.cluster.TestCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One real Coherence member in a Spring Boot app with nothing but cluster-member: the caches open
 * off the startup path, versioned writes land in the view, tombstones stay hidden, readiness comes
 * up only once the latch tripped, and errors are problem+json.
 */
@SpringBootTest(
    classes = ClusterMemberIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClusterMemberIT {

  @SpringBootApplication
  static class App {}

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) {
    TestCluster.forClass(ClusterMemberIT.class)
        .coherenceProperties()
        .forEach((key, value) -> registry.add(key, () -> value));
    registry.add("cachepair.member.role", () -> "test");
  }

  @Autowired DishCaches caches;
  @Autowired LocalDishes localDishes;
  @Autowired TestRestTemplate http;

  private static Dish dish(String id, long version, String origin) {
    return Dish.builder(id)
        .name("Dish " + id)
        .priceCents(1000 + version)
        .currency("EUR")
        .version(version)
        .updatedAt(Instant.parse("2026-12-01T10:00:00Z"))
        .origin(origin)
        .build();
  }

  @Test
  void versionedPut_neverGoesBackwards_andTombstonesAreHiddenFromTheView() {
    DishCaches.Opened opened = caches.await(Duration.ofSeconds(60));
    var partitioned = opened.partitioned();

    assertThat(partitioned.invoke("ramen", new VersionedPut(dish("ramen", 2, "a")))).isTrue();
    assertThat(partitioned.invoke("ramen", new VersionedPut(dish("ramen", 1, "b")))).isFalse();
    assertThat(partitioned.invoke("ramen", new VersionedPut(dish("ramen", 2, "a")))).isFalse();
    // equal version and time: the origin breaks the tie, the same way on every member
    assertThat(partitioned.invoke("ramen", new VersionedPut(dish("ramen", 2, "c")))).isTrue();
    assertThat(localDishes.find("ramen")).get().extracting(Dish::origin).isEqualTo("c");

    Dish tombstone = dish("ramen", 2, "c").tombstone(Instant.now(), "a");
    assertThat(partitioned.invoke("ramen", new VersionedPut(tombstone))).isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(localDishes.find("ramen")).isEmpty());
    assertThat(partitioned.get("ramen").deleted()).isTrue();
    // an older write replayed after the delete cannot resurrect the dish
    assertThat(partitioned.invoke("ramen", new VersionedPut(dish("ramen", 2, "c")))).isFalse();
  }

  @Test
  void repairAndPurge_changeAnEntryOnlyWhenItHoldsExactlyTheRevisionObserved() {
    DishCaches.Opened opened = caches.await(Duration.ofSeconds(60));
    var partitioned = opened.partitioned();
    Dish foreign = dish("sashimi", 900, "rogue");
    partitioned.invoke("sashimi", new VersionedPut(foreign));
    Dish truth = dish("sashimi", 12, "menu-1");

    // a repair that observed another revision changes nothing
    assertThat(
            partitioned.invoke(
                "sashimi", new ReplaceIfRevision(dish("sashimi", 899, "rogue").revision(), truth)))
        .isFalse();
    assertThat(partitioned.get("sashimi")).isEqualTo(foreign);
    // the one that observed it replaces it, whatever its version
    assertThat(partitioned.invoke("sashimi", new ReplaceIfRevision(foreign.revision(), truth)))
        .isTrue();
    assertThat(partitioned.get("sashimi")).isEqualTo(truth);

    Dish tombstone = truth.toBuilder().version(13).deleted(true).build();
    partitioned.invoke("sashimi", new VersionedPut(tombstone));
    assertThat(partitioned.invoke("sashimi", new RemoveIfRevision(truth.revision()))).isFalse();
    assertThat(partitioned.invoke("sashimi", new RemoveIfRevision(tombstone.revision()))).isTrue();
    assertThat(partitioned.containsKey("sashimi")).isFalse();
  }

  @Test
  @SuppressWarnings("unchecked")
  void readiness_comesUpOnceTheViewIsOpenAndTheServiceSafe_andClusterReportsIt() {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        http.getForEntity("/actuator/health/readiness", String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK));
    ResponseEntity<Map> cluster = http.getForEntity("/api/cluster", Map.class);
    assertThat(cluster.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cluster.getBody())
        .containsEntry("state", "OPEN")
        .containsEntry("safeSinceJoin", true)
        .containsEntry("contractVersion", 1);
    var members = (java.util.List<Map<String, Object>>) cluster.getBody().get("members");
    assertThat(members)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m).containsEntry("role", "test").containsEntry("contractVersion", 1);
            });
  }

  @Test
  void unknownPath_isProblemJson404() {
    ResponseEntity<String> response = http.getForEntity("/api/nothing-here", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(response.getBody()).contains("\"status\":404").doesNotContain("trace");
  }
}
