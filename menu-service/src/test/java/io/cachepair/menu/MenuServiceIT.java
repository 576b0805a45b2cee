package io.cachepair.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cachepair.contract.ContractVersion;
import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.dish.VersionedPut;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.contract.meta.PartitionLosses;
import io.cachepair.contract.meta.RecordPartitionLoss;
import io.cachepair.contract.meta.SeedRecord;
import io.cachepair.contract.meta.WritePause;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.menu.dish.DishOutbox;
import io.cachepair.menu.dish.DishRepository;
import io.cachepair.menu.dish.MenuOrigin;
import io.cachepair.menu.record.DishRevisions;
import io.cachepair.menu.record.MenuDatabase;
import io.cachepair.menu.record.VersionSequence;
import io.cachepair.testsupport.cluster.TestCluster;
import io.cachepair.testsupport.db.TestPostgres;
import io.cachepair.testsupport.files.WorkDirs;
import io.cachepair.testsupport.tokens.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
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
 * menu-service with one real Coherence member on its PostgreSQL database: cold-start preload and
 * the seed record, readiness, and the write path from the REST API through the database (versions
 * from the one sequence, revisions in the history) into the cache, with the outbox retry, the
 * partition-loss re-publish, the repair of a foreign entry and the write pause. The REST contract
 * itself (every bad input, every problem, the headers) is {@code DishControllerTest}'s, what the
 * service decides {@code DishServiceTest}'s; neither needs a member.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class MenuServiceIT {

  private static final int GENERATED = 1200;
  private static final int SAMPLE = 9;
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) {
    Path dataDir = WorkDirs.fresh("menu-it");
    TestCluster.forClass(MenuServiceIT.class)
        .springProperties()
        .forEach((key, value) -> registry.add(key, () -> value));
    TestPostgres.shared()
        .createDatabase("menu_it")
        .springProperties()
        .forEach((key, value) -> registry.add(key, () -> value));
    registry.add("cachepair.data-dir", dataDir::toString);
    registry.add("cachepair.menu.sample-menu", () -> "true");
    registry.add("cachepair.menu.generate", () -> String.valueOf(GENERATED));
    registry.add("cachepair.menu.preload-batch-size", () -> "500");
    registry.add("cachepair.menu.publish-interval", () -> "200ms");
  }

  @Autowired TestRestTemplate http;
  @LocalManagementPort int managementPort;
  @Autowired DishCaches caches;
  @Autowired DishRepository dishes;
  @Autowired DishOutbox outbox;
  @Autowired DishRevisions revisions;
  @Autowired VersionSequence versions;
  @Autowired MenuDatabase database;
  @Autowired MenuOrigin origin;
  @Autowired MeterRegistry meters;
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
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                http.getForEntity(management("/actuator/health/readiness"), String.class)
                        .getStatusCode()
                    == HttpStatus.OK);
  }

  // --- preload and readiness -------------------------------------------------------------------

  @Test
  void coldStart_seedsTheSampleMenuAndGeneratedDishes_recordsTheSeed_andWritesTheMarker() {
    assertThat(opened.meta().get(DishesLoaded.KEY))
        .isInstanceOfSatisfying(
            DishesLoaded.class,
            loaded -> {
              assertThat(loaded.count()).isGreaterThanOrEqualTo(GENERATED + SAMPLE);
              assertThat(loaded.contractVersion()).isEqualTo(ContractVersion.CURRENT);
              assertThat(loaded.origin()).isEqualTo(origin.value());
              assertThat(loaded.epoch()).isNotZero();
              assertThat(loaded.repairing()).isFalse();
            });
    assertThat(opened.meta().get(SeedRecord.KEY))
        .isInstanceOfSatisfying(
            SeedRecord.class,
            seed -> assertThat(seed.databaseIdentity()).isEqualTo(database.identity()));
    assertThat(opened.partitioned().get("spicy-tuna-roll"))
        .satisfies(d -> assertThat(d.name()).isEqualTo("Spicy Tuna Roll"));
    assertThat(opened.partitioned().get("synthetic-001200")).isNotNull();

    ResponseEntity<Map<String, Object>> tuna = get("/api/dishes/spicy-tuna-roll");
    assertThat(tuna.getStatusCode()).isEqualTo(HttpStatus.OK);
    long version = ((Number) tuna.getBody().get("version")).longValue();
    assertThat(tuna.getHeaders().getETag()).isEqualTo("\"" + version + "\"");
    assertThat(revisions.find("spicy-tuna-roll", version)).isPresent();
    assertThat(tuna.getBody()).containsEntry("name", "Spicy Tuna Roll");
  }

  @Test
  void metricsAndOpenApi_includeTheMenusParts() {
    String prometheus = http.getForObject(management("/actuator/prometheus"), String.class);
    assertThat(prometheus)
        .contains("cachepair_outbox_backlog")
        .contains("cachepair_preload_duration")
        .contains("cachepair_repairs_total")
        .contains("cachepair_replica_staleness");
    String apiDocs = http.getForObject("/v3/api-docs", String.class);
    assertThat(apiDocs).contains("/api/dishes/{id}").contains("/api/dishes/batch");
  }

  @Test
  void list_isPagedByIdWithDefaultSize20() {
    ResponseEntity<Map<String, Object>> page = get("/api/dishes");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).containsEntry("page", 0).containsEntry("size", 20);
    assertThat((List<?>) page.getBody().get("dishes")).hasSize(20);
    assertThat(((Number) page.getBody().get("totalDishes")).longValue())
        .isGreaterThanOrEqualTo(GENERATED + SAMPLE);
  }

  // --- writes ------------------------------------------------------------------------------------

  @Test
  void create_is201WithLocationAndEtag_andReachesThePartitionedCacheWithItsVersion() {
    ResponseEntity<Map<String, Object>> created =
        create(
            "{\"name\":\"Vegan Burger\",\"priceCents\":1190,\"currency\":\"EUR\",\"category\":\"burger\"}");

    assertThat(created.getHeaders().getLocation()).hasToString("/api/dishes/vegan-burger");
    long version = versionOf(created);
    assertThat(created.getHeaders().getETag()).isEqualTo("\"" + version + "\"");
    assertThat(created.getBody())
        .containsEntry("id", "vegan-burger")
        .containsEntry("available", true)
        .containsEntry("origin", origin.value());
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(opened.partitioned().get("vegan-burger"))
                    .isNotNull()
                    .extracting(Dish::version, Dish::priceCents)
                    .containsExactly(version, 1190L));
    assertThat(revisions.find("vegan-burger", version)).isPresent();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(outbox.backlog()).isZero());
  }

  @Test
  void update_withCurrentIfMatch_getsANewVersion_andAStaleIfMatchIs412() {
    long first =
        versionOf(create("{\"name\":\"Katsu Curry\",\"priceCents\":1300,\"currency\":\"EUR\"}"));
    String body = "{\"name\":\"Katsu Curry\",\"priceCents\":1350,\"currency\":\"EUR\"}";

    ResponseEntity<Map<String, Object>> updated =
        send(HttpMethod.PUT, "/api/dishes/katsu-curry", body, "\"" + first + "\"");
    assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
    long second = versionOf(updated);
    assertThat(second).isGreaterThan(first);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(opened.partitioned().get("katsu-curry").version()).isEqualTo(second));

    assertProblem(
        send(HttpMethod.PUT, "/api/dishes/katsu-curry", body, "\"" + first + "\""),
        HttpStatus.PRECONDITION_FAILED,
        "If-Match \""
            + first
            + "\" does not match the current version of dish 'katsu-curry' (ETag \""
            + second
            + "\")");
    // without If-Match the write is unconditional
    assertThat(versionOf(send(HttpMethod.PUT, "/api/dishes/katsu-curry", body, null)))
        .isGreaterThan(second);
  }

  @Test
  void delete_writesATombstoneUnderANewVersion_andAReCreateOutranksIt() {
    long created =
        versionOf(create("{\"name\":\"Natto Roll\",\"priceCents\":800,\"currency\":\"EUR\"}"));

    ResponseEntity<Void> deleted =
        http.exchange("/api/dishes/natto-roll", HttpMethod.DELETE, null, Void.class);
    assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    long tombstone = Long.parseLong(deleted.getHeaders().getETag().replace("\"", ""));
    assertThat(tombstone).isGreaterThan(created);

    assertProblem(
        get("/api/dishes/natto-roll"), HttpStatus.NOT_FOUND, "dish 'natto-roll' was deleted");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(opened.partitioned().get("natto-roll"))
                  .extracting(Dish::deleted, Dish::version)
                  .containsExactly(true, tombstone);
              assertThat(opened.view().get("natto-roll")).isNull();
            });

    long again =
        versionOf(create("{\"name\":\"Natto Roll\",\"priceCents\":850,\"currency\":\"EUR\"}"));
    assertThat(again).isGreaterThan(tombstone);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(opened.view().get("natto-roll")).isNotNull());
  }

  @Test
  void batch_importsInOneTransaction_andPublishesEveryDish() {
    long before =
        versionOf(
            create(
                "{\"id\":\"batch-existing\",\"name\":\"Batch Existing\",\"priceCents\":100,\"currency\":\"EUR\"}"));
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
              assertThat(opened.partitioned().get("batch-existing").version())
                  .isGreaterThan(before);
              assertThat(opened.partitioned().get("batch-one")).isNotNull();
              assertThat(opened.partitioned().get("batch-two").currency()).isEqualTo("USD");
            });
  }

  // --- outbox, partition loss, repair, pause -----------------------------------------------------

  @Test
  void aWriteThatReachedOnlyTheDatabase_isPublishedByTheOutboxRetry() {
    // as if the menu crashed between the commit and the publish
    Dish orphan =
        Dish.builder("outbox-orphan")
            .name("Outbox Orphan")
            .priceCents(990)
            .currency("EUR")
            .version(versions.next())
            .updatedAt(Instant.now())
            .origin(origin.value())
            .build();
    dishes.insertAll(List.of(orphan));
    revisions.record(List.of(orphan), "test");
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
  void aPartitionLossReport_makesTheMenuRepublishItsDatabase_andClearTheRepairFlag() {
    create("{\"name\":\"Lost Dish\",\"priceCents\":500,\"currency\":\"EUR\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(opened.partitioned().get("lost-dish")).isNotNull());
    // simulate the entry being gone from the partitioned cache, a repair under way, and the loss
    // being reported
    opened.partitioned().remove("lost-dish");
    DishesLoaded marker = (DishesLoaded) opened.partitionedMeta().get(DishesLoaded.KEY);
    opened.partitionedMeta().put(DishesLoaded.KEY, marker.withRepairing(true));
    opened
        .partitionedMeta()
        .invoke(PartitionLosses.KEY, new RecordPartitionLoss(1, 0, Instant.now(), "test"));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(opened.partitioned().get("lost-dish")).isNotNull();
              assertThat(
                      ((DishesLoaded) opened.partitionedMeta().get(DishesLoaded.KEY)).repairing())
                  .isFalse();
            });
  }

  @Test
  void anEntryTheDatabaseNeverWrote_isRepairedWhenTheMenuPublishesThatDish() {
    long ours =
        versionOf(create("{\"name\":\"Sashimi Set\",\"priceCents\":2200,\"currency\":\"EUR\"}"));
    double repairsBefore = meters.counter("cachepair.repairs").count();
    Dish foreign =
        Dish.builder("sashimi-set")
            .name("Sashimi Set")
            .priceCents(1)
            .currency("EUR")
            .version(ours + 1000)
            .updatedAt(Instant.now())
            .origin("rogue")
            .build();
    opened.partitioned().invoke("sashimi-set", new VersionedPut(foreign));

    long written =
        versionOf(
            send(
                HttpMethod.PUT,
                "/api/dishes/sashimi-set",
                "{\"name\":\"Sashimi Set\",\"priceCents\":2300,\"currency\":\"EUR\"}",
                null));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Dish held = opened.partitioned().get("sashimi-set");
              Dish row = dishes.find("sashimi-set").orElseThrow();
              assertThat(held).isEqualTo(row);
              assertThat(held.priceCents()).isEqualTo(2300);
              assertThat(held.version()).isGreaterThan(foreign.version());
              assertThat(revisions.committed(held)).isTrue();
            });
    assertThat(written).isLessThan(foreign.version());
    assertThat(meters.counter("cachepair.repairs").count()).isGreaterThan(repairsBefore);
  }

  @Test
  void whileWritesArePausedClusterWide_writesAre503WithRetryAfter_andResumeAfter() {
    opened
        .meta()
        .put(
            WritePause.KEY,
            new WritePause("test rollout step", "MenuServiceIT", Instant.now().plusSeconds(30)));
    try {
      ResponseEntity<Map<String, Object>> r =
          send(
              HttpMethod.POST,
              "/api/dishes",
              "{\"name\":\"Paused Dish\",\"priceCents\":100,\"currency\":\"EUR\"}",
              null);
      assertProblem(r, HttpStatus.SERVICE_UNAVAILABLE, null);
      assertThat(r.getBody()).containsEntry("type", "https://cachepair.io/problems/writes-paused");
      assertThat(r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
      assertThat(dishes.find("paused-dish")).isEmpty();
      // reads go on
      assertThat(get("/api/dishes/spicy-tuna-roll").getStatusCode()).isEqualTo(HttpStatus.OK);
    } finally {
      opened.meta().remove(WritePause.KEY);
    }
    create("{\"name\":\"Paused Dish\",\"priceCents\":100,\"currency\":\"EUR\"}");
  }

  @Test
  void writeWhileNotReady_is503_andChangesNothing() {
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

  private static long versionOf(ResponseEntity<Map<String, Object>> r) {
    assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
    return ((Number) r.getBody().get("version")).longValue();
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
