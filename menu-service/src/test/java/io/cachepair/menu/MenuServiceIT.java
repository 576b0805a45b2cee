package io.cachepair.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cachepair.contract.ContractVersion;
import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.dish.VersionedPut;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.contract.meta.RecordPartitionLoss;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.menu.dish.DishOutbox;
import io.cachepair.menu.dish.DishRepository;
import io.cachepair.menu.dish.MenuOrigin;
import io.cachepair.testsupport.cluster.TestCluster;
import io.cachepair.testsupport.files.WorkDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * menu-service with one real Coherence member and an H2 file database in a temporary directory:
 * cold-start preload, readiness, and the write path from the REST API through the database into the
 * cache (and back from the cluster into the database). The REST contract itself (every bad input,
 * every problem, the headers) is {@code DishControllerTest}'s, what the service decides {@code
 * DishServiceTest}'s; neither needs a member.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class MenuServiceIT {

  private static final int GENERATED = 1200;
  private static final int SAMPLE = 9;
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) throws Exception {
    Path dataDir = WorkDirs.fresh("menu-it");
    TestCluster.forClass(MenuServiceIT.class)
        .coherenceProperties()
        .forEach((key, value) -> registry.add(key, () -> value));
    registry.add("cachepair.data-dir", dataDir::toString);
    registry.add("cachepair.menu.generate", () -> String.valueOf(GENERATED));
    registry.add("cachepair.menu.preload-batch-size", () -> "500");
    registry.add("cachepair.menu.publish-interval", () -> "200ms");
  }

  @Autowired TestRestTemplate http;
  @Autowired DishCaches caches;
  @Autowired DishRepository dishes;
  @Autowired DishOutbox outbox;
  @Autowired MenuOrigin origin;
  @Autowired ApplicationContext context;

  private DishCaches.Opened opened;

  @BeforeEach
  void caches() {
    opened = caches.await(Duration.ofSeconds(60));
  }

  // --- preload and readiness -------------------------------------------------------------------

  @Test
  void coldStart_seedsTheSampleMenuAndGeneratedDishes_writesTheMarker_andReadinessGoesUp() {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(http.getForEntity("/actuator/health/readiness", String.class))
                    .satisfies(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK))
                    .satisfies(r -> assertThat(r.getBody()).contains("\"preload\"")));

    assertThat(opened.meta().get(DishesLoaded.KEY))
        .isInstanceOfSatisfying(
            DishesLoaded.class,
            loaded -> {
              assertThat(loaded.count()).isGreaterThanOrEqualTo(GENERATED + SAMPLE);
              assertThat(loaded.contractVersion()).isEqualTo(ContractVersion.CURRENT);
              assertThat(loaded.origin()).isEqualTo(origin.value());
            });
    assertThat(opened.partitioned().get("spicy-tuna-roll"))
        .satisfies(d -> assertThat(d.name()).isEqualTo("Spicy Tuna Roll"));
    assertThat(opened.partitioned().get("synthetic-001200")).isNotNull();

    ResponseEntity<Map<String, Object>> tuna = get("/api/dishes/spicy-tuna-roll");
    assertThat(tuna.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tuna.getHeaders().getETag()).isEqualTo("\"1\"");
    assertThat(tuna.getBody())
        .containsEntry("name", "Spicy Tuna Roll")
        .containsEntry("currency", "EUR")
        .containsEntry("version", 1);
  }

  @Test
  void metricsAndOpenApi_includeTheMenusParts() {
    String prometheus = http.getForObject("/actuator/prometheus", String.class);
    assertThat(prometheus)
        .contains("cachepair_outbox_backlog")
        .contains("cachepair_preload_duration");
    String apiDocs = http.getForObject("/v3/api-docs", String.class);
    assertThat(apiDocs).contains("/api/dishes/{id}").contains("/api/dishes/batch");
  }

  // --- reads -------------------------------------------------------------------------------------

  @Test
  void list_isPagedByIdWithDefaultSize20() {
    ResponseEntity<Map<String, Object>> page = get("/api/dishes");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).containsEntry("page", 0).containsEntry("size", 20);
    assertThat((List<?>) page.getBody().get("dishes")).hasSize(20);
    assertThat(((Number) page.getBody().get("totalDishes")).longValue())
        .isGreaterThanOrEqualTo(GENERATED + SAMPLE);

    ResponseEntity<Map<String, Object>> big = get("/api/dishes?page=1&size=500");
    assertThat((List<?>) big.getBody().get("dishes")).hasSize(500);
  }

  // --- writes ------------------------------------------------------------------------------------

  @Test
  void create_is201WithLocationAndEtag_andReachesThePartitionedCacheWithItsVersion() {
    ResponseEntity<Map<String, Object>> created =
        send(
            HttpMethod.POST,
            "/api/dishes",
            "{\"name\":\"Vegan Burger\",\"priceCents\":1190,\"currency\":\"EUR\",\"category\":\"burger\"}",
            null);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/dishes/vegan-burger");
    assertThat(created.getHeaders().getETag()).isEqualTo("\"1\"");
    assertThat(created.getBody())
        .containsEntry("id", "vegan-burger")
        .containsEntry("version", 1)
        .containsEntry("available", true)
        .containsEntry("origin", origin.value());
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(opened.partitioned().get("vegan-burger"))
                    .isNotNull()
                    .extracting(Dish::version, Dish::priceCents)
                    .containsExactly(1L, 1190L));
    assertThat(opened.view().get("vegan-burger")).isNotNull();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(outbox.backlog()).isZero());
  }

  @Test
  void update_withCurrentIfMatch_bumpsTheVersion_andAStaleIfMatchIs412() {
    create("{\"name\":\"Katsu Curry\",\"priceCents\":1300,\"currency\":\"EUR\"}");
    String body = "{\"name\":\"Katsu Curry\",\"priceCents\":1350,\"currency\":\"EUR\"}";

    ResponseEntity<Map<String, Object>> updated =
        send(HttpMethod.PUT, "/api/dishes/katsu-curry", body, "\"1\"");
    assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(updated.getHeaders().getETag()).isEqualTo("\"2\"");
    assertThat(updated.getBody()).containsEntry("priceCents", 1350).containsEntry("version", 2);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(opened.partitioned().get("katsu-curry").version()).isEqualTo(2));

    assertProblem(
        send(HttpMethod.PUT, "/api/dishes/katsu-curry", body, "\"1\""),
        HttpStatus.PRECONDITION_FAILED,
        "If-Match \"1\" does not match the current version of dish 'katsu-curry' (ETag \"2\")");
    // without If-Match the write is unconditional
    assertThat(send(HttpMethod.PUT, "/api/dishes/katsu-curry", body, null).getBody())
        .containsEntry("version", 3);
  }

  @Test
  void delete_writesATombstone_the404SaysDeleted_andAReCreateOutranksTheTombstone() {
    create("{\"name\":\"Natto Roll\",\"priceCents\":800,\"currency\":\"EUR\"}");

    assertThat(
            http.exchange("/api/dishes/natto-roll", HttpMethod.DELETE, null, Void.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertProblem(
        get("/api/dishes/natto-roll"), HttpStatus.NOT_FOUND, "dish 'natto-roll' was deleted");
    assertProblem(
        http.exchange("/api/dishes/natto-roll", HttpMethod.DELETE, null, JSON),
        HttpStatus.NOT_FOUND,
        "dish 'natto-roll' was deleted");
    assertThat(dishes.find("natto-roll"))
        .get()
        .extracting(Dish::deleted, Dish::version)
        .containsExactly(true, 2L);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(opened.partitioned().get("natto-roll"))
                  .extracting(Dish::deleted, Dish::version)
                  .containsExactly(true, 2L);
              assertThat(opened.view().get("natto-roll")).isNull();
            });

    ResponseEntity<Map<String, Object>> again =
        create("{\"name\":\"Natto Roll\",\"priceCents\":850,\"currency\":\"EUR\"}");
    assertThat(again.getBody()).containsEntry("version", 3);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(opened.view().get("natto-roll")).isNotNull());
  }

  // --- batch -------------------------------------------------------------------------------------

  @Test
  void batch_importsInOneTransaction_andPublishesEveryDish() {
    create(
        "{\"id\":\"batch-existing\",\"name\":\"Batch Existing\",\"priceCents\":100,\"currency\":\"EUR\"}");
    String body =
        "[{\"id\":\"batch-existing\",\"name\":\"Batch Existing\",\"priceCents\":150,\"currency\":\"EUR\"},"
            + "{\"name\":\"Batch One\",\"priceCents\":200,\"currency\":\"EUR\"},"
            + "{\"name\":\"Batch Two\",\"priceCents\":300,\"currency\":\"USD\"}]";

    ResponseEntity<Map<String, Object>> r = send(HttpMethod.POST, "/api/dishes/batch", body, null);

    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(r.getBody())
        .containsEntry("imported", 3)
        .containsEntry("created", 2)
        .containsEntry("updated", 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(opened.partitioned().get("batch-existing").version()).isEqualTo(2);
              assertThat(opened.partitioned().get("batch-one")).isNotNull();
              assertThat(opened.partitioned().get("batch-two").currency()).isEqualTo("USD");
            });
  }

  // --- outbox and partition loss -----------------------------------------------------------------

  @Test
  void aWriteThatReachedOnlyTheDatabase_isPublishedByTheOutboxRetry() {
    // as if the menu crashed between the commit and the publish
    Dish orphan =
        Dish.builder("outbox-orphan")
            .name("Outbox Orphan")
            .priceCents(990)
            .currency("EUR")
            .version(1)
            .updatedAt(Instant.now())
            .origin(origin.value())
            .build();
    dishes.insertAll(List.of(orphan));
    outbox.recordAll(List.of(orphan));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(opened.partitioned().get("outbox-orphan")).isEqualTo(orphan));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(outbox.backlog()).isZero());
  }

  @Test
  void aPartitionLossReport_makesTheMenuRepublishItsDatabase() {
    create("{\"name\":\"Lost Dish\",\"priceCents\":500,\"currency\":\"EUR\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(opened.partitioned().get("lost-dish")).isNotNull());
    // simulate the entry being gone from the partitioned cache, then the loss being reported
    opened.partitioned().remove("lost-dish");
    opened
        .partitionedMeta()
        .invoke(
            io.cachepair.contract.meta.PartitionLosses.KEY,
            new RecordPartitionLoss(1, 0, Instant.now(), "test"));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(opened.partitioned().get("lost-dish")).isNotNull());
  }

  @Test
  void aWriteByAnotherMenuToTheCluster_comesIntoThisDatabase_andAnOlderOneDoesNot() {
    Dish theirs =
        Dish.builder("other-menus-dish")
            .name("Other Menu's Dish")
            .priceCents(777)
            .currency("EUR")
            .version(4)
            .updatedAt(Instant.now())
            .origin("menu-other")
            .build();
    opened.partitioned().invoke(theirs.id(), new VersionedPut(theirs));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(dishes.find("other-menus-dish")).contains(theirs));
    assertThat(get("/api/dishes/other-menus-dish").getHeaders().getETag()).isEqualTo("\"4\"");

    Dish tombstone = theirs.tombstone(Instant.now(), "menu-other");
    opened.partitioned().invoke(theirs.id(), new VersionedPut(tombstone));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(dishes.find("other-menus-dish")).contains(tombstone));
    assertProblem(
        get("/api/dishes/other-menus-dish"),
        HttpStatus.NOT_FOUND,
        "dish 'other-menus-dish' was deleted");
  }

  @Test
  void writeWhileNotReady_is503_andChangesNothing() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                http.getForEntity("/actuator/health/readiness", String.class).getStatusCode()
                    == HttpStatus.OK);
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      ResponseEntity<Map<String, Object>> r =
          send(
              HttpMethod.POST,
              "/api/dishes",
              "{\"name\":\"Too Early\",\"priceCents\":100,\"currency\":\"EUR\"}",
              null);
      assertProblem(r, HttpStatus.SERVICE_UNAVAILABLE, null);
      assertThat(r.getBody()).containsEntry("type", "https://cachepair.io/problems/menu-not-ready");
      assertThat(dishes.find("too-early")).isEmpty();
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    create("{\"name\":\"Too Early\",\"priceCents\":100,\"currency\":\"EUR\"}");
  }

  // --- helpers -----------------------------------------------------------------------------------

  private ResponseEntity<Map<String, Object>> get(String path) {
    return http.exchange(path, HttpMethod.GET, null, JSON);
  }

  private ResponseEntity<Map<String, Object>> create(String json) {
    ResponseEntity<Map<String, Object>> r = send(HttpMethod.POST, "/api/dishes", json, null);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return r;
  }

  private ResponseEntity<Map<String, Object>> send(
      HttpMethod method, String path, String json, String ifMatch) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (ifMatch != null) {
      headers.set(HttpHeaders.IF_MATCH, ifMatch);
    }
    return http.exchange(path, method, new HttpEntity<>(json, headers), JSON);
  }

  private static void assertProblem(
      ResponseEntity<Map<String, Object>> r, HttpStatus status, String detail) {
    assertThat(r.getStatusCode()).isEqualTo(status);
    assertThat(r.getHeaders().getContentType()).isNotNull();
    assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .as("content type %s", r.getHeaders().getContentType())
        .isTrue();
    assertThat(r.getBody()).containsEntry("status", status.value()).doesNotContainKey("trace");
    if (detail != null) {
      assertThat(r.getBody()).containsEntry("detail", detail);
    }
  }
}
