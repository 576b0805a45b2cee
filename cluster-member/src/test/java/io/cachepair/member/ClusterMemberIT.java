package io.cachepair.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.dish.RemoveIfRevision;
import io.cachepair.contract.dish.ReplaceIfRevision;
import io.cachepair.contract.dish.VersionedPut;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.LocalDishes;
import io.cachepair.testsupport.cluster.TestCluster;
import io.cachepair.testsupport.tokens.TestTokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
        .springProperties()
        .forEach((key, value) -> registry.add(key, () -> value));
    registry.add("cachepair.member.role", () -> "test");
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired DishCaches caches;
  @Autowired LocalDishes localDishes;
  @Autowired TestRestTemplate http;
  @LocalManagementPort int managementPort;

  private static final TestTokens TOKENS = TestTokens.shared();

  private ResponseEntity<String> management(String path, String token) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    return http.exchange(
        "http://127.0.0.1:" + managementPort + path,
        HttpMethod.GET,
        new HttpEntity<>(headers),
        String.class);
  }

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
  void readiness_comesUpOnceTheViewIsOpenAndTheServiceSafe_andCachepairReportsIt()
      throws Exception {
    String reader = TOKENS.token("operator", "cluster:read");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(management("/actuator/health/readiness", null).getStatusCode())
                    .isEqualTo(HttpStatus.OK));
    JsonNode report = JSON.readTree(management("/actuator/cachepair", reader).getBody());
    assertThat(report.path("state").asText()).isEqualTo("OPEN");
    assertThat(report.path("role").asText()).isEqualTo("test");
    assertThat(report.path("safeSinceJoin").asBoolean()).isTrue();
    assertThat(report.path("contractVersion").asInt()).isEqualTo(1);
    assertThat(report.path("view").path("complete").asBoolean()).isTrue();
    // cheap by default: no pass over the view unless asked for
    assertThat(report.path("view").has("digest")).isFalse();
    assertThat(report.path("members")).hasSize(1);
    assertThat(report.path("members").get(0).path("role").asText()).isEqualTo("test");
    JsonNode withDigest =
        JSON.readTree(management("/actuator/cachepair?digest=true", reader).getBody());
    assertThat(withDigest.path("view").path("digest").asText()).hasSize(16);
  }

  @Test
  void management_needsClusterRead_probesStayOpen_detailsOnlyWhenAuthorized() throws Exception {
    String customer = TOKENS.token("c-1");
    String reader = TOKENS.token("operator", "cluster:read");

    ResponseEntity<String> anonymous = management("/actuator/cachepair", null);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    assertThat(management("/actuator/cachepair", customer).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(management("/actuator/metrics", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            management(
                    "/actuator/cachepair", TestTokens.foreign().token("operator", "cluster:read"))
                .getStatusCode())
        .as("a token signed with another key")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            management(
                    "/actuator/cachepair",
                    TOKENS.token("operator", Instant.now().minusSeconds(120), "cluster:read"))
                .getStatusCode())
        .as("an expired token")
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> management("/actuator/health/liveness", null).getStatusCode().is2xxSuccessful());
    JsonNode open = JSON.readTree(management("/actuator/health/readiness", null).getBody());
    assertThat(open.has("components")).as("no details without a token").isFalse();
    JsonNode detailed = JSON.readTree(management("/actuator/health/readiness", reader).getBody());
    assertThat(detailed.path("components").has("dishReplica")).isTrue();
  }

  @Test
  void unknownPath_isProblemJson404() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(TOKENS.token("c-1"));
    ResponseEntity<String> response =
        http.exchange("/api/nothing-here", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> anonymous = http.getForEntity("/api/nothing-here", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(response.getBody()).contains("\"status\":404").doesNotContain("trace");
  }
}
