package io.cachepair.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachepair.contract.ContractVersion;
import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.dish.VersionedPut;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.testsupport.cluster.TestCluster;
import io.cachepair.testsupport.db.TestPostgres;
import io.cachepair.testsupport.files.WorkDirs;
import io.cachepair.testsupport.problem.ProblemJson;
import io.cachepair.testsupport.tokens.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * order-service as one real Coherence member on loopback, with the test playing menu-service's part
 * through the cache: not ready and refusing orders until the dishes were loaded once, then serving
 * the menu from its replica and taking orders into the real database, replays of an Idempotency-Key
 * included. The HTTP contract itself (every refusal, validation, headers) is covered without a
 * member by {@code OrderControllerTest} and {@code MenuControllerTest}.
 *
 * <p>One Spring context for the whole class (a Coherence start costs seconds); the first test must
 * run before any dish is loaded, hence the method order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderServiceApiIT {

  private static final TestCluster CLUSTER = TestCluster.forClass(OrderServiceApiIT.class);
  private static final Path DATA_DIR = WorkDirs.fresh("order-api");
  private static final Instant LOADED_AT = Instant.parse("2025-05-01T08:00:00Z");

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) {
    CLUSTER.springProperties().forEach((key, value) -> registry.add(key, () -> value));
    TestPostgres.shared()
        .createDatabase("orders_api")
        .springProperties()
        .forEach((key, value) -> registry.add(key, () -> value));
    registry.add("cachepair.data-dir", DATA_DIR::toString);
  }

  @Autowired TestRestTemplate http;
  @LocalManagementPort int managementPort;
  @Autowired DishCaches caches;
  @Autowired MeterRegistry meters;

  private final ObjectMapper json = new ObjectMapper();
  private String customer;

  @BeforeEach
  void customer(TestInfo test) {
    customer = "c-" + test.getTestMethod().orElseThrow().getName().hashCode();
  }

  // ---- the menu's part, through the cache --------------------------------------------------

  private static Dish dish(String id, String name, long priceCents, String currency) {
    return Dish.builder(id)
        .name(name)
        .category("test")
        .priceCents(priceCents)
        .currency(currency)
        .version(1)
        .updatedAt(LOADED_AT)
        .origin("menu-test")
        .build();
  }

  private static final List<Dish> MENU =
      List.of(
          dish("spicy-tuna-roll", "Spicy Tuna Roll", 1250, "EUR"),
          dish("miso-soup", "Miso Soup", 450, "EUR"),
          dish("edamame", "Edamame", 400, "EUR"),
          dish("matcha-ice-cream", "Matcha Ice Cream", 600, "EUR").toBuilder()
              .available(false)
              .build(),
          dish("texas-burger", "Texas Burger", 1500, "USD"));

  /** Publishes the menu and the preload marker as a menu would; idempotent by version. */
  private DishCaches.Opened menuLoadedTheDishes() {
    DishCaches.Opened opened = caches.await(Duration.ofSeconds(90));
    for (Dish dish : MENU) {
      opened.partitioned().invoke(dish.id(), new VersionedPut(dish));
    }
    opened
        .meta()
        .put(
            DishesLoaded.KEY,
            new DishesLoaded(LOADED_AT, MENU.size(), ContractVersion.CURRENT, "menu-test"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(readiness().getStatusCode().value()).isEqualTo(200));
    return opened;
  }

  // ---- HTTP helpers ------------------------------------------------------------------------

  /**
   * The customer's token on the API; actuator paths go to the management port with an operator's
   * token (cluster:read).
   */
  private URI uri(String path) {
    return URI.create(
        path.startsWith("/actuator") ? "http://127.0.0.1:" + managementPort + path : path);
  }

  private String token(String path) {
    return path.startsWith("/actuator")
        ? TestTokens.shared().token("operator", "cluster:read")
        : TestTokens.shared().token(customer);
  }

  private ResponseEntity<String> get(String path) {
    return http.exchange(
        RequestEntity.get(uri(path)).headers(h -> h.setBearerAuth(token(path))).build(),
        String.class);
  }

  private ResponseEntity<String> post(String path, String body, String idempotencyKey) {
    var request =
        RequestEntity.post(uri(path))
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> h.setBearerAuth(token(path)));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.exchange(request.body(body), String.class);
  }

  private ResponseEntity<String> placeOrder(String body) {
    return post("/api/orders", body, null);
  }

  private String order(String dishId, int quantity) {
    return """
        {"customerId":"%s","items":[{"dishId":"%s","quantity":%d}]}"""
        .formatted(customer, dishId, quantity);
  }

  private ResponseEntity<String> readiness() {
    return get("/actuator/health/readiness");
  }

  private JsonNode body(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody());
  }

  /** Asserts a problem+json response and returns it for further checks. */
  private static JsonNode assertProblem(
      ResponseEntity<String> response, int status, String type, String detail) {
    return ProblemJson.assertProblem(
        response.getStatusCode().value(),
        String.valueOf(response.getHeaders().getContentType()),
        response.getBody(),
        status,
        type,
        detail);
  }

  private double refused(String reason) {
    return meters.counter("cachepair.orders.refused", "reason", reason).count();
  }

  // ---- before any menu -----------------------------------------------------------------------

  @Test
  @Order(1)
  void beforeAnyMenuLoadedTheDishes_readinessIsDownNamingTheCluster_andOrdersAre503()
      throws Exception {
    caches.await(Duration.ofSeconds(90));
    // The replica is synchronized and safe; only the never-seen preload marker holds it back.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(body(readiness()).at("/components/dishReplica/status").asText())
                    .isEqualTo("UP"));

    ResponseEntity<String> readiness = readiness();
    assertThat(readiness.getStatusCode().value()).isEqualTo(503);
    JsonNode dishesLoaded = body(readiness).at("/components/dishesLoaded");
    assertThat(dishesLoaded.path("status").asText()).isEqualTo("DOWN");
    assertThat(dishesLoaded.at("/details/reason").asText())
        .startsWith("the dishes are not loaded in cluster " + CLUSTER.name() + " now");
    assertThat(get("/actuator/health/liveness").getStatusCode().value()).isEqualTo(200);

    double before = refused("dishes-not-loaded");
    JsonNode problem =
        assertProblem(
            placeOrder(order("spicy-tuna-roll", 1)),
            503,
            "dishes-not-loaded",
            "the dishes are not loaded in cluster "
                + CLUSTER.name()
                + " now: never loaded, or this member's dish service restarted or is cut off from"
                + " the others");
    assertThat(problem.path("cluster").asText()).isEqualTo(CLUSTER.name());
    assertThat(refused("dishes-not-loaded")).isEqualTo(before + 1);
    assertThat(body(get("/api/orders?customerId=" + customer)).path("orders")).isEmpty();
  }

  @Test
  @Order(2)
  void afterTheMenuLoadedTheDishes_readinessIsUp_andTheMenuIsServedFromTheReplica()
      throws Exception {
    menuLoadedTheDishes();

    JsonNode readiness = body(readiness());
    assertThat(readiness.at("/components/dishesLoaded/status").asText()).isEqualTo("UP");
    assertThat(readiness.at("/components/dishesLoaded/details/loadedBy").asText())
        .isEqualTo("menu-test");

    ResponseEntity<String> tuna = get("/api/menu/spicy-tuna-roll");
    assertThat(tuna.getStatusCode().value()).isEqualTo(200);
    assertThat(tuna.getHeaders().getETag()).isEqualTo("\"1\"");
    JsonNode dish = body(tuna);
    assertThat(dish.path("name").asText()).isEqualTo("Spicy Tuna Roll");
    assertThat(dish.path("priceCents").asLong()).isEqualTo(1250);
    assertThat(dish.path("currency").asText()).isEqualTo("EUR");
    assertThat(dish.path("available").asBoolean()).isTrue();

    JsonNode page = body(get("/api/menu?page=1&size=2"));
    assertThat(page.path("total").asInt()).isEqualTo(MENU.size());
    assertThat(page.path("dishes").findValuesAsText("id"))
        .containsExactly("miso-soup", "spicy-tuna-roll");
  }

  // ---- placing orders ------------------------------------------------------------------------

  @Test
  void placeOrder_returns201WithLocationAndTheSnapshot_andReadsBack() throws Exception {
    menuLoadedTheDishes();
    double placedBefore = meters.counter("cachepair.orders.placed").count();

    ResponseEntity<String> created =
        placeOrder(
            """
            {"customerId":"%s","items":[{"dishId":"spicy-tuna-roll","quantity":2},
             {"dishId":"miso-soup","quantity":1,"expectedUnitPriceCents":450}]}"""
                .formatted(customer));

    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode order = body(created);
    String id = order.path("id").asText();
    assertThat(created.getHeaders().getLocation()).hasPath("/api/orders/" + id);
    assertThat(order.path("customerId").asText()).isEqualTo(customer);
    assertThat(order.path("status").asText()).isEqualTo("PLACED");
    assertThat(order.path("currency").asText()).isEqualTo("EUR");
    assertThat(order.path("totalCents").asLong()).isEqualTo(2 * 1250 + 450);
    assertThat(Instant.parse(order.path("placedAt").asText())).isAfter(LOADED_AT);
    JsonNode first = order.path("items").get(0);
    assertThat(first.path("dishId").asText()).isEqualTo("spicy-tuna-roll");
    assertThat(first.path("name").asText()).isEqualTo("Spicy Tuna Roll");
    assertThat(first.path("unitPriceCents").asLong()).isEqualTo(1250);
    assertThat(first.path("quantity").asInt()).isEqualTo(2);
    assertThat(first.path("lineTotalCents").asLong()).isEqualTo(2500);
    assertThat(first.path("dishVersion").asLong()).isEqualTo(1);
    assertThat(meters.counter("cachepair.orders.placed").count()).isEqualTo(placedBefore + 1);

    assertThat(body(get(created.getHeaders().getLocation().getPath()))).isEqualTo(order);
    JsonNode mine = body(get("/api/orders?customerId=" + customer));
    assertThat(mine.path("orders")).containsExactly(order);
  }

  @Test
  void placedOrder_keepsItsPriceAndDishVersion_whenTheMenuChangesThePrice() throws Exception {
    DishCaches.Opened opened = menuLoadedTheDishes();
    ResponseEntity<String> created =
        post("/api/orders", order("edamame", 3), "edamame-" + UUID.randomUUID());
    String id = body(created).path("id").asText();

    Dish dearer =
        MENU.get(2).toBuilder()
            .priceCents(500)
            .version(2)
            .updatedAt(LOADED_AT.plusSeconds(60))
            .build();
    opened.partitioned().invoke(dearer.id(), new VersionedPut(dearer));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(body(get("/api/menu/edamame")).path("priceCents").asLong())
                    .isEqualTo(500));

    JsonNode stored = body(get("/api/orders/" + id));
    assertThat(stored.at("/items/0/unitPriceCents").asLong()).isEqualTo(400);
    assertThat(stored.at("/items/0/dishVersion").asLong()).isEqualTo(1);
    assertThat(stored.path("totalCents").asLong()).isEqualTo(1200);
    JsonNode next = body(placeOrder(order("edamame", 1)));
    assertThat(next.at("/items/0/unitPriceCents").asLong()).isEqualTo(500);
    assertThat(next.at("/items/0/dishVersion").asLong()).isEqualTo(2);
  }

  // ---- idempotency ---------------------------------------------------------------------------

  @Test
  void sameIdempotencyKeyAndBody_returnsTheFirstOrderWith200() throws Exception {
    menuLoadedTheDishes();
    String key = "retry-" + UUID.randomUUID();
    double placedBefore = meters.counter("cachepair.orders.placed").count();

    ResponseEntity<String> first = post("/api/orders", order("miso-soup", 2), key);
    // The same request, spelled differently: still a retry.
    ResponseEntity<String> retry =
        post(
            "/api/orders",
            """
            { "items" : [ { "quantity" : 2, "dishId" : "miso-soup" } ],
              "customerId" : "%s" }"""
                .formatted(customer),
            key);

    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    assertThat(retry.getStatusCode().value()).isEqualTo(200);
    assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(body(retry)).isEqualTo(body(first));
    assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
    assertThat(meters.counter("cachepair.orders.placed").count()).isEqualTo(placedBefore + 1);
    assertThat(body(get("/api/orders?customerId=" + customer)).path("orders")).hasSize(1);
  }

  @Test
  void sameIdempotencyKeyWithADifferentBody_is422AndPlacesNothing() throws Exception {
    menuLoadedTheDishes();
    String key = "reused-" + UUID.randomUUID();
    post("/api/orders", order("miso-soup", 2), key);

    assertProblem(
        post("/api/orders", order("miso-soup", 3), key),
        422,
        "idempotency-key-reused",
        "Idempotency-Key '" + key + "' was already used with a different request body");
    assertThat(body(get("/api/orders?customerId=" + customer)).path("orders")).hasSize(1);
  }

  // ---- reading and cancelling ------------------------------------------------------------------

  @Test
  void listOrders_withoutCustomerId_listsTheCallersOwn_anotherCustomersIs403() throws Exception {
    menuLoadedTheDishes();
    String id = body(placeOrder(order("miso-soup", 1))).path("id").asText();

    JsonNode mine = body(get("/api/orders"));
    assertThat(mine.path("customerId").asText()).isEqualTo(customer);
    assertThat(mine.path("orders").findValuesAsText("id")).containsExactly(id);
    assertProblem(
        get("/api/orders?customerId=someone-else"),
        403,
        "customer-mismatch",
        "customerId 'someone-else' is not the token's subject '"
            + customer
            + "'; orders are listed only as the customer the token names (leave customerId out)");
  }

  @Test
  void tokens_missingWrongKeyExpired401_otherCustomers404_adminReadsAny() throws Exception {
    menuLoadedTheDishes();
    String body = order("miso-soup", 1).replace("\"customerId\":\"" + customer + "\",", "");
    ResponseEntity<String> placed = placeOrder(body);
    assertThat(placed.getStatusCode().value()).as(placed.getBody()).isEqualTo(201);
    String id = body(placed).path("id").asText();
    assertThat(body(placed).path("customerId").asText())
        .as("the customer comes from the token")
        .isEqualTo(customer);

    ResponseEntity<String> anonymous =
        http.exchange(RequestEntity.get(URI.create("/api/orders/" + id)).build(), String.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(
            as(TestTokens.foreign().token(customer), "/api/orders/" + id).getStatusCode().value())
        .as("signed with another key")
        .isEqualTo(401);
    assertThat(
            as(TestTokens.shared().token(customer, Instant.now().minusSeconds(120)), "/api/orders")
                .getStatusCode()
                .value())
        .as("expired")
        .isEqualTo(401);

    String other = TestTokens.shared().token("c-other");
    assertThat(as(other, "/api/orders/" + id).getStatusCode().value()).isEqualTo(404);
    assertThat(
            http.exchange(
                    RequestEntity.post(URI.create("/api/orders/" + id + "/cancel"))
                        .headers(h -> h.setBearerAuth(other))
                        .build(),
                    String.class)
                .getStatusCode()
                .value())
        .as("cancelling another customer's order")
        .isEqualTo(404);
    ResponseEntity<String> placedForOther =
        http.exchange(
            RequestEntity.post(URI.create("/api/orders"))
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(other))
                .body(order("miso-soup", 1)),
            String.class);
    assertThat(placedForOther.getStatusCode().value())
        .as("placing an order for another customer")
        .isEqualTo(403);
    assertThat(get("/api/orders/" + id).getStatusCode().value()).isEqualTo(200);

    String admin = TestTokens.shared().token("support-1", "orders:admin");
    assertThat(as(admin, "/api/orders/" + id).getStatusCode().value()).isEqualTo(200);
    assertThat(body(as(admin, "/api/orders?customerId=" + customer)).path("orders")).hasSize(1);
  }

  private ResponseEntity<String> as(String token, String path) {
    return http.exchange(
        RequestEntity.get(URI.create(path)).headers(h -> h.setBearerAuth(token)).build(),
        String.class);
  }

  @Test
  void cancel_setsCancelled_andCancellingAgainReturnsTheOrderUnchanged() throws Exception {
    menuLoadedTheDishes();
    String id = body(placeOrder(order("spicy-tuna-roll", 1))).path("id").asText();

    ResponseEntity<String> cancelled = post("/api/orders/" + id + "/cancel", "", null);
    ResponseEntity<String> again = post("/api/orders/" + id + "/cancel", "", null);

    assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
    assertThat(body(cancelled).path("status").asText()).isEqualTo("CANCELLED");
    assertThat(body(cancelled).path("cancelledAt").isTextual()).isTrue();
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(body(again)).isEqualTo(body(cancelled));
    assertThat(body(get("/api/orders/" + id))).isEqualTo(body(cancelled));
  }

  // ---- completeness is checked continuously ------------------------------------------------

  @Test
  @Order(Integer.MAX_VALUE - 1)
  void aRepairUnderWay_doesNotTakeACompleteReplicaOutOfTraffic_andResponsesSayTheStaleness()
      throws Exception {
    DishCaches.Opened opened = menuLoadedTheDishes();
    DishesLoaded marker = (DishesLoaded) opened.meta().get(DishesLoaded.KEY);

    opened.meta().put(DishesLoaded.KEY, marker.withRepairing(true));

    assertThat(readiness().getStatusCode().value()).isEqualTo(200);
    ResponseEntity<String> placed = placeOrder(order("miso-soup", 1));
    assertThat(placed.getStatusCode().value()).isEqualTo(201);
    assertThat(placed.getHeaders().getFirst("Cachepair-Replica-Staleness")).isEqualTo("0.0");
    opened.meta().put(DishesLoaded.KEY, marker);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void whenTheMarkerIsGone_theReplicaIsNotComplete_ordersAre503NeverAnUnknownDish()
      throws Exception {
    DishCaches.Opened opened = menuLoadedTheDishes();

    // what an island or a restarted dish service looks like from here: the cluster's data is gone
    opened.meta().remove(DishesLoaded.KEY);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !opened.meta().containsKey(DishesLoaded.KEY));

    assertThat(readiness().getStatusCode().value()).isEqualTo(503);
    assertProblem(placeOrder(order("miso-soup", 1)), 503, "dishes-not-loaded", null);
    assertProblem(get("/api/menu/no-such-dish"), 503, "dishes-not-loaded", null);

    // a menu loads again: complete, ready, taking orders
    menuLoadedTheDishes();
    assertThat(placeOrder(order("miso-soup", 1)).getStatusCode().value()).isEqualTo(201);
  }
}
