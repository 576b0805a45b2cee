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
import io.cachepair.testsupport.tokens.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.boot.test.web.server.LocalManagementPort;
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
 * cold-start preload, the REST contract with every bad input, and the write path into the cache.
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
        .springProperties()
        .forEach((key, value) -> registry.add(key, () -> value));
    registry.add("cachepair.data-dir", dataDir::toString);
    registry.add("cachepair.menu.generate", () -> String.valueOf(GENERATED));
    registry.add("cachepair.menu.preload-batch-size", () -> "500");
    registry.add("cachepair.menu.publish-interval", () -> "200ms");
  }

  @Autowired TestRestTemplate http;
  @LocalManagementPort int managementPort;
  @Autowired DishCaches caches;
  @Autowired DishRepository dishes;
  @Autowired DishOutbox outbox;
  @Autowired MenuOrigin origin;
  @Autowired ApplicationContext context;

  private DishCaches.Opened opened;

  /** Every API call of this suite as a menu editor (scope menu:write) unless it says otherwise. */
  @BeforeEach
  void editorToken() {
    String token = TestTokens.shared().token("editor-1", "menu:write", "cluster:read");
    if (http.getRestTemplate().getInterceptors().isEmpty()) {
      http.getRestTemplate()
          .getInterceptors()
          .add(
              (request, body, execution) -> {
                if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                  request.getHeaders().setBearerAuth(token);
                }
                return execution.execute(request, body);
              });
    }
  }

  private String management(String path) {
    return "http://127.0.0.1:" + managementPort + path;
  }

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
                assertThat(
                        http.getForEntity(management("/actuator/health/readiness"), String.class))
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
    String prometheus = http.getForObject(management("/actuator/prometheus"), String.class);
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

  @Test
  void list_sizeAbove500_is400NamingSize() {
    assertProblem(
        get("/api/dishes?size=501"),
        HttpStatus.BAD_REQUEST,
        "size: must be less than or equal to 500");
    assertProblem(
        get("/api/dishes?page=-1"),
        HttpStatus.BAD_REQUEST,
        "page: must be greater than or equal to 0");
    assertProblem(
        get("/api/dishes?size=ten"), HttpStatus.BAD_REQUEST, "size: 'ten' is not a whole number");
  }

  @Test
  void get_unknownDish_is404Problem() {
    assertProblem(
        get("/api/dishes/no-such-dish"), HttpStatus.NOT_FOUND, "no dish with id 'no-such-dish'");
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
  void create_existingDish_is409() {
    create("{\"id\":\"dup-dish\",\"name\":\"Dup Dish\",\"priceCents\":100,\"currency\":\"EUR\"}");
    assertProblem(
        send(
            HttpMethod.POST,
            "/api/dishes",
            "{\"name\":\"Dup Dish\",\"priceCents\":100,\"currency\":\"EUR\"}",
            null),
        HttpStatus.CONFLICT,
        "dish 'dup-dish' already exists (version 1); change it with PUT /api/dishes/dup-dish");
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
  void update_badInput_isPrecise() {
    create("{\"name\":\"Udon\",\"priceCents\":1100,\"currency\":\"EUR\"}");
    String body = "{\"name\":\"Udon\",\"priceCents\":1100,\"currency\":\"EUR\"}";
    assertProblem(
        send(HttpMethod.PUT, "/api/dishes/no-such-dish", body, null),
        HttpStatus.NOT_FOUND,
        "no dish with id 'no-such-dish'");
    assertProblem(
        send(
            HttpMethod.PUT,
            "/api/dishes/udon",
            "{\"id\":\"soba\",\"name\":\"Udon\",\"priceCents\":1100,\"currency\":\"EUR\"}",
            null),
        HttpStatus.BAD_REQUEST,
        "id: 'soba' does not match the id in the path 'udon'");
    assertProblem(
        send(HttpMethod.PUT, "/api/dishes/udon", body, "version-1"),
        HttpStatus.BAD_REQUEST,
        "If-Match: 'version-1' is not an ETag of this API; send the ETag of a GET, e.g. \"3\"");
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

  // --- bad input ---------------------------------------------------------------------------------

  @Test
  void malformedJson_is400WithTheLocation() {
    ResponseEntity<Map<String, Object>> r =
        send(HttpMethod.POST, "/api/dishes", "{\"name\": \"Broken\", ", null);
    assertProblem(r, HttpStatus.BAD_REQUEST, null);
    assertThat((String) r.getBody().get("detail")).startsWith("malformed JSON at line 1");
  }

  @Test
  void wrongJsonType_is400NamingTheField() {
    assertProblem(
        send(
            HttpMethod.POST,
            "/api/dishes",
            "{\"name\":\"Tea\",\"priceCents\":\"cheap\",\"currency\":\"EUR\"}",
            null),
        HttpStatus.BAD_REQUEST,
        "priceCents: 'cheap' is not a whole number");
  }

  @Test
  @SuppressWarnings("unchecked")
  void validation_is400NamingTheField() {
    assertProblem(
        send(
            HttpMethod.POST,
            "/api/dishes",
            "{\"name\":\" \",\"priceCents\":100,\"currency\":\"EUR\"}",
            null),
        HttpStatus.BAD_REQUEST,
        "name: must not be blank");
    assertProblem(
        send(
            HttpMethod.POST,
            "/api/dishes",
            "{\"name\":\"Tea\",\"priceCents\":-5,\"currency\":\"EUR\"}",
            null),
        HttpStatus.BAD_REQUEST,
        "priceCents: must be greater than or equal to 0");
    assertProblem(
        send(
            HttpMethod.POST,
            "/api/dishes",
            "{\"name\":\"Tea\",\"priceCents\":100,\"currency\":\"XYZ\"}",
            null),
        HttpStatus.BAD_REQUEST,
        "currency: 'XYZ' is not an ISO 4217 currency code (e.g. EUR)");
    assertProblem(
        send(
            HttpMethod.POST,
            "/api/dishes",
            "{\"id\":\"Bad Id\",\"name\":\"Tea\",\"priceCents\":100,\"currency\":\"EUR\"}",
            null),
        HttpStatus.BAD_REQUEST,
        "id: must be lowercase letters and digits in words joined by single hyphens");
    assertProblem(
        send(
            HttpMethod.POST,
            "/api/dishes",
            "{\"name\":\"!!!\",\"priceCents\":100,\"currency\":\"EUR\"}",
            null),
        HttpStatus.BAD_REQUEST,
        "name: '!!!' has no letter or digit to derive an id from; give an id");
    ResponseEntity<Map<String, Object>> missing =
        send(HttpMethod.POST, "/api/dishes", "{\"name\":\"Tea\"}", null);
    assertProblem(
        missing,
        HttpStatus.BAD_REQUEST,
        "currency: must not be null; priceCents: must not be null");
    assertThat((List<Object>) missing.getBody().get("fields"))
        .containsExactlyInAnyOrder("currency", "priceCents");
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

  @Test
  void batch_withAnInvalidDish_is400NamingIndexAndField_andWritesNothing() {
    String body =
        "[{\"name\":\"Batch Ok\",\"priceCents\":200,\"currency\":\"EUR\"},"
            + "{\"name\":\"Batch Bad\",\"priceCents\":-1,\"currency\":\"EUR\"},"
            + "{\"name\":\"Batch Ok\",\"priceCents\":200,\"currency\":\"EUR\"}]";
    assertProblem(
        send(HttpMethod.POST, "/api/dishes/batch", body, null),
        HttpStatus.BAD_REQUEST,
        "[1].priceCents: must be greater than or equal to 0; [2].id: 'batch-ok' is also the id of [0]");
    assertThat(dishes.find("batch-ok")).isEmpty();
  }

  @Test
  void batch_above10000Dishes_is400() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i <= 10_000; i++) {
      items.add(
          "{\"id\":\"big-"
              + i
              + "\",\"name\":\"Big "
              + i
              + "\",\"priceCents\":1,\"currency\":\"EUR\"}");
    }
    assertProblem(
        send(HttpMethod.POST, "/api/dishes/batch", "[" + String.join(",", items) + "]", null),
        HttpStatus.BAD_REQUEST,
        "the batch holds 10001 dishes; at most 10000 are accepted per request, split it");
    assertThat(dishes.find("big-0")).isEmpty();
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
                http.getForEntity(management("/actuator/health/readiness"), String.class)
                        .getStatusCode()
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
