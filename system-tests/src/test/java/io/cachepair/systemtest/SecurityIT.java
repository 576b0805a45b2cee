package io.cachepair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.contract.CacheNames;
import io.cachepair.systemtest.fixture.RogueMember;
import io.cachepair.testsupport.cluster.TestCluster;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.http.ServiceHttp;
import io.cachepair.testsupport.process.ChildJvm;
import io.cachepair.testsupport.process.ServiceProcess;
import io.cachepair.testsupport.tls.TestCertificates;
import io.cachepair.testsupport.tokens.JwksServer;
import io.cachepair.testsupport.tokens.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pair's security on the real jars (one menu, one order replica, TLS cluster, PostgreSQL): real
 * signed tokens and scopes, the write pause as the operator drives it, a hostile-input suite over
 * every endpoint, rogue members that try to join the cluster, and an identity-provider outage that
 * orders ride through on cached keys.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

  @RegisterExtension static final ServiceFleet fleet = new ServiceFleet("security");

  private static final TestTokens TOKENS = TestTokens.shared();
  private static final String EDITOR = TOKENS.token("editor-7", "menu:write");
  private static final String CUSTOMER = TOKENS.token("c-42");

  static JwksServer identityProvider;
  static ServiceProcess menu;
  static ServiceProcess order;

  @BeforeAll
  static void startPair() {
    identityProvider = JwksServer.start(TOKENS);
    menu = fleet.menu("menu-1", b -> b);
    // the order replica asks an identity provider of its own, which the last test takes down
    order =
        fleet.order(
            "order-1",
            b ->
                b.property(TestCluster.JWK_SET_URI, identityProvider.uri())
                    .property("cachepair.security.jwks-cache-ttl", "3s"));
    ServiceFleet.startAllReady(menu, order);
  }

  @AfterAll
  static void stopIdentityProvider() {
    identityProvider.stop();
  }

  private static Map<String, Object> dish(String name, long priceCents) {
    return Map.of("name", name, "priceCents", priceCents, "currency", "EUR", "category", "test");
  }

  // --- tokens and scopes ---------------------------------------------------------------------

  @Test
  @Order(1)
  void tokens_missingWrongKeyExpired401_missingScope403_ownOrders200_writerRecorded()
      throws Exception {
    ServiceHttp menuApi = menu.http().anonymous();
    ServiceHttp orderApi = order.http().anonymous();
    Map<String, Object> body = dish("Token Test Dish", 700);
    List<String> lines = new ArrayList<>();

    lines.add(expect(menuApi.post("/api/dishes", body), 401, "dish write without a token"));
    lines.add(
        expect(
            menuApi
                .withToken(TestTokens.foreign().token("editor-7", "menu:write"))
                .post("/api/dishes", body),
            401,
            "dish write, token signed with another key"));
    lines.add(
        expect(
            menuApi
                .withToken(TOKENS.token("editor-7", Instant.now().minusSeconds(60), "menu:write"))
                .post("/api/dishes", body),
            401,
            "dish write, expired token"));
    lines.add(
        expect(
            menuApi.withToken(CUSTOMER).post("/api/dishes", body),
            403,
            "dish write without scope menu:write"));
    lines.add(
        expect(
            menuApi.withToken(CUSTOMER).delete("/api/dishes/" + Api.SPICY_TUNA_ROLL),
            403,
            "dish delete without scope menu:write"));
    lines.add(expect(menuApi.get("/api/dishes/" + Api.SPICY_TUNA_ROLL), 200, "menu read, open"));
    lines.add(expect(orderApi.get("/api/menu"), 200, "order replica's menu, open"));
    lines.add(
        expect(
            orderApi.post("/api/orders", Api.orderOf(Api.SPICY_TUNA_ROLL, 1)),
            401,
            "order without a token"));
    lines.add(
        expect(
            menu.management().withToken(CUSTOMER).get("/actuator/cachepair"),
            403,
            "cachepair endpoint without cluster:read"));
    lines.add(
        expect(
            menu.management()
                .withToken(TOKENS.token("operator", "cluster:read"))
                .post("/actuator/writepause", Map.of("reason", "x", "seconds", 5)),
            403,
            "write pause without cluster:admin"));
    lines.add(
        expect(
            menu.management().anonymous().get("/actuator/health/readiness"),
            200,
            "readiness probe, open"));

    HttpResult created = menuApi.withToken(EDITOR).post("/api/dishes", body);
    lines.add(expect(created, 201, "dish write with menu:write"));
    long version = created.json().get("version").asLong();
    assertThat(writerOf("token-test-dish", version)).isEqualTo("editor-7");

    HttpResult mine =
        orderApi.withToken(CUSTOMER).post("/api/orders", Api.orderOf("token-test-dish", 1));
    lines.add(expect(mine, 201, "own order"));
    String id = mine.json().get("id").asText();
    lines.add(expect(orderApi.withToken(CUSTOMER).get("/api/orders/" + id), 200, "own order read"));
    String stranger = TOKENS.token("c-99");
    lines.add(
        expect(orderApi.withToken(stranger).get("/api/orders/" + id), 404, "another's order read"));
    lines.add(
        expect(
            orderApi.withToken(stranger).post("/api/orders/" + id + "/cancel", ""),
            404,
            "another's order cancel"));
    lines.add(
        expect(
            orderApi.withToken(stranger).get("/api/orders?customerId=c-42"),
            403,
            "another's order list"));
    lines.add(
        expect(
            orderApi.withToken(TOKENS.token("support", "orders:admin")).get("/api/orders/" + id),
            200,
            "any order with orders:admin"));
    System.out.println("[security] tokens on the real jars:");
    lines.forEach(l -> System.out.println("  " + l));
  }

  @Test
  @Order(2)
  void writePause_setByClusterAdmin_refusesMenuWritesWith503_andLiftsAgain() {
    ServiceHttp admin = menu.management().withToken(TOKENS.token("operator", "cluster:admin"));
    HttpResult paused =
        admin.post("/actuator/writepause", Map.of("reason", "rollout step 2/4", "seconds", 60));
    assertThat(paused.status()).as(paused.body()).isEqualTo(200);
    assertThat(paused.json().at("/writePause/requestedBy").asText()).isEqualTo("operator");

    HttpResult refused = menu.http().withToken(EDITOR).post("/api/dishes", dish("Paused Dish", 1));
    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.json().path("type").asText()).endsWith("/writes-paused");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(menu.cluster().at("/writePause/reason").asText()).isEqualTo("rollout step 2/4");
    // orders keep flowing
    assertThat(order.http().post("/api/orders", Api.orderOf(Api.SPICY_TUNA_ROLL, 1)).status())
        .isEqualTo(201);

    assertThat(admin.delete("/actuator/writepause").status()).isIn(200, 204);
    assertThat(menu.cluster().path("writePause").isNull()).isTrue();
    assertThat(menu.http().withToken(EDITOR).post("/api/dishes", dish("Paused Dish", 1)).status())
        .isEqualTo(201);
  }

  // --- hostile input -------------------------------------------------------------------------

  private record Hostile(
      String what, ServiceHttp target, String method, String path, String body, int... expected) {}

  @Test
  @Order(3)
  void hostileInput_overEveryEndpoint_no5xx_noSilentCoercion() {
    ServiceHttp menuApi = menu.http().withToken(EDITOR);
    ServiceHttp orderApi = order.http().withToken(CUSTOMER);
    ServiceHttp menuAdmin = menu.management().withToken(TOKENS.token("op", "cluster:admin"));
    ServiceHttp orderOps = order.management().withToken(TOKENS.token("op", "cluster:read"));
    String tuna = Api.SPICY_TUNA_ROLL;
    long tunaVersion = Api.dish(menu, tuna).get("version").asLong();
    String valid = "{\"name\":\"Hostile Dish\",\"priceCents\":100,\"currency\":\"EUR\"}";
    String order = "{\"items\":[{\"dishId\":\"" + tuna + "\",\"quantity\":1}]}";
    String deep = "[".repeat(5000) + "]".repeat(5000);
    String deepObject = "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
    String huge =
        "{\"name\":\"" + "x".repeat(200_000) + "\",\"priceCents\":1,\"currency\":\"EUR\"}";
    String longNumber = "9".repeat(2000);

    Map<String, String> dishBodies = new LinkedHashMap<>();
    dishBodies.put("fractional priceCents", valid.replace("100", "12.99"));
    dishBodies.put("exponent priceCents", valid.replace("100", "1e2"));
    dishBodies.put("huge priceCents", valid.replace("100", "99999999999999999999999"));
    dishBodies.put("1e400 priceCents", valid.replace("100", "1e400"));
    dishBodies.put("2000-digit priceCents", valid.replace("100", longNumber));
    dishBodies.put("string priceCents", valid.replace("100", "\"100\""));
    dishBodies.put("empty-string priceCents", valid.replace("100", "\"\""));
    dishBodies.put("number as name", valid.replace("\"Hostile Dish\"", "123"));
    dishBodies.put("boolean as name", valid.replace("\"Hostile Dish\"", "true"));
    dishBodies.put("string available", valid.replace("}", ",\"available\":\"true\"}"));
    dishBodies.put("number available", valid.replace("}", ",\"available\":1}"));
    dishBodies.put("array currency", valid.replace("\"EUR\"", "[\"EUR\"]"));
    dishBodies.put("unknown field", valid.replace("}", ",\"priceCent\":5}"));
    dishBodies.put("version from client", valid.replace("}", ",\"version\":999999}"));
    dishBodies.put("duplicate key", valid.replace("}", ",\"priceCents\":1}"));
    dishBodies.put("trailing tokens", valid + " {}");
    dishBodies.put("NUL escaped in name", valid.replace("Hostile Dish", "Bad\\u0000Dish"));
    dishBodies.put("raw control char in name", valid.replace("Hostile Dish", "Bad\u0001Dish"));
    dishBodies.put("ESC in name", valid.replace("Hostile Dish", "Bad\\u001b[31mDish"));
    dishBodies.put("RLO override in name", valid.replace("Hostile Dish", "Dish\\u202eevil"));
    dishBodies.put("isolate in category", valid.replace("}", ",\"category\":\"a\\u2066b\"}"));
    dishBodies.put("deep nesting", deep);
    dishBodies.put("deep object", deepObject);
    dishBodies.put("not JSON", "priceCents=100");
    dishBodies.put("empty body", "");

    List<Hostile> cases = new ArrayList<>();
    dishBodies.forEach(
        (what, body) -> {
          cases.add(
              new Hostile("POST /api/dishes " + what, menuApi, "POST", "/api/dishes", body, 400));
          cases.add(
              new Hostile(
                  "PUT /api/dishes/{id} " + what,
                  menuApi,
                  "PUT",
                  "/api/dishes/" + tuna,
                  body,
                  400));
          String batch = body.isEmpty() || body.startsWith("[") ? body : "[" + body + "]";
          cases.add(
              new Hostile(
                  "POST /api/dishes/batch " + what,
                  menuApi,
                  "POST",
                  "/api/dishes/batch",
                  batch,
                  400));
        });
    cases.add(new Hostile("POST /api/dishes 200 KB", menuApi, "POST", "/api/dishes", huge, 413));
    cases.add(
        new Hostile(
            "PUT /api/dishes/{id} 200 KB", menuApi, "PUT", "/api/dishes/" + tuna, huge, 413));
    cases.add(
        new Hostile(
            "POST /api/dishes/batch 6 MB",
            menuApi,
            "POST",
            "/api/dishes/batch",
            "[" + (valid + ",").repeat(110_000) + valid + "]",
            413));
    cases.add(
        new Hostile(
            "PUT /api/dishes/{id} fractional If-Match",
            menuApi,
            "PUT",
            "/api/dishes/" + tuna + "#if-match",
            valid,
            400));

    Map<String, String> orderBodies = new LinkedHashMap<>();
    orderBodies.put("fractional quantity", order.replace(":1}", ":1.5}"));
    orderBodies.put("exponent quantity", order.replace(":1}", ":1e0}"));
    orderBodies.put("quantity over int", order.replace(":1}", ":2147483648}"));
    orderBodies.put("string quantity", order.replace(":1}", ":\"1\"}"));
    orderBodies.put("boolean quantity", order.replace(":1}", ":true}"));
    orderBodies.put(
        "fractional expected price", order.replace(":1}", ":1,\"expectedUnitPriceCents\":12.5}"));
    orderBodies.put(
        "typo in expected price", order.replace(":1}", ":1,\"expectedUnitPriceCent\":1}"));
    orderBodies.put(
        "unknown top-level field", order.replace("{\"items\"", "{\"coupon\":\"FREE\",\"items\""));
    orderBodies.put("duplicate items", order.replace("]}", "],\"items\":[]}"));
    orderBodies.put("object as items", "{\"items\":{\"dishId\":\"" + tuna + "\",\"quantity\":1}}");
    orderBodies.put("control char in dishId", order.replace(tuna, "a\\u0007b"));
    orderBodies.put(
        "bidi override in customerId",
        order.replace("{\"items\"", "{\"customerId\":\"c-42\\u202e\",\"items\""));
    orderBodies.put(
        "number as customerId", order.replace("{\"items\"", "{\"customerId\":42,\"items\""));
    orderBodies.put("deep nesting", deep);
    orderBodies.put("2000-digit quantity", order.replace(":1}", ":" + longNumber + "}"));
    orderBodies.forEach(
        (what, body) ->
            cases.add(
                new Hostile(
                    "POST /api/orders " + what, orderApi, "POST", "/api/orders", body, 400)));
    cases.add(new Hostile("POST /api/orders 200 KB", orderApi, "POST", "/api/orders", huge, 413));
    cases.add(
        new Hostile(
            "POST /api/orders 200 KB chunked", orderApi, "POST", "/api/orders#chunked", huge, 413));
    cases.add(
        new Hostile(
            "POST /api/orders 500-character Idempotency-Key",
            orderApi,
            "POST",
            "/api/orders#bad-key",
            order,
            400));
    cases.add(
        new Hostile(
            "POST /api/orders/{id}/cancel body",
            orderApi,
            "POST",
            "/api/orders/x/cancel",
            deep,
            400,
            404));

    // query and path parameters
    String[][] gets = {
      {"/api/dishes?size=1.5", "400"},
      {"/api/dishes?size=1e2", "400"},
      {"/api/dishes?page=99999999999", "400"},
      {"/api/dishes?page=2147483647&size=500", "200"},
      {"/api/dishes?size=-1", "400"},
      {"/api/dishes?size=%00", "400"},
      {"/api/dishes/" + "a".repeat(2000), "404"},
      {"/api/dishes/%E2%80%AEevil", "404"},
    };
    for (String[] g : gets) {
      cases.add(new Hostile("GET " + g[0], menuApi, "GET", g[0], null, Integer.parseInt(g[1])));
    }
    String[][] orderGets = {
      {"/api/menu?size=1.5", "400"},
      {"/api/menu?page=99999999999", "400"},
      {"/api/menu?page=2147483647&size=500", "200"},
      {"/api/menu/%00", "400"}, // refused by Tomcat before Spring: its own HTML 400
      {"/api/orders?customerId=" + "c".repeat(300), "400"},
      {"/api/orders?customerId=c-42%E2%80%AE", "403"},
      {"/api/orders/" + "a".repeat(2000), "404"},
    };
    for (String[] g : orderGets) {
      cases.add(new Hostile("GET " + g[0], orderApi, "GET", g[0], null, Integer.parseInt(g[1])));
    }
    cases.add(
        new Hostile(
            "GET /actuator/cachepair?digest=maybe",
            orderOps,
            "GET",
            "/actuator/cachepair?digest=maybe",
            null,
            400));
    cases.add(
        new Hostile(
            "POST /actuator/writepause fractional seconds",
            menuAdmin,
            "POST",
            "/actuator/writepause",
            "{\"reason\":\"x\",\"seconds\":1.5}",
            400));
    cases.add(
        new Hostile(
            "POST /actuator/writepause 10-day lease",
            menuAdmin,
            "POST",
            "/actuator/writepause",
            "{\"reason\":\"x\",\"seconds\":864000}",
            400));
    cases.add(
        new Hostile(
            "POST /actuator/writepause control char reason",
            menuAdmin,
            "POST",
            "/actuator/writepause",
            "{\"reason\":\"x\\u0000\",\"seconds\":5}",
            400));
    cases.add(
        new Hostile(
            "POST /actuator/writepause deep nesting",
            menuAdmin,
            "POST",
            "/actuator/writepause",
            deep,
            400));
    cases.add(
        new Hostile(
            "POST /actuator/writepause 200 KB",
            menuAdmin,
            "POST",
            "/actuator/writepause",
            huge,
            413));

    int serverErrors = 0;
    int accepted = 0;
    List<String> wrong = new ArrayList<>();
    for (Hostile c : cases) {
      HttpResult r = send(c);
      boolean expected = false;
      for (int e : c.expected()) {
        expected |= r.status() == e;
      }
      if (r.status() >= 500) {
        serverErrors++;
      }
      boolean hostileBody = c.body() != null;
      if (hostileBody && r.status() < 300) {
        accepted++;
      }
      if (!expected) {
        wrong.add(c.what() + " -> " + r.status() + " " + abbreviate(r.body()));
      } else if (r.status() >= 400 && r.status() != 413 && !c.path().contains("%00")) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
          wrong.add(c.what() + " -> " + r.status() + " as " + type + ": " + abbreviate(r.body()));
        }
      }
    }
    // nothing a refused request carried reached the menu
    assertThat(menu.http().get("/api/dishes/hostile-dish").status()).isEqualTo(404);
    assertThat(Api.dish(menu, tuna).get("version").asLong()).isEqualTo(tunaVersion);
    System.out.printf(
        "[security] hostile input: %d requests over %d endpoints: %d answered 5xx, %d hostile"
            + " bodies accepted (silent coercions), %d answered otherwise than expected%n",
        cases.size(),
        cases.stream().map(SecurityIT::endpoint).distinct().count(),
        serverErrors,
        accepted,
        wrong.size());
    wrong.forEach(w -> System.out.println("  unexpected: " + w));
    assertThat(serverErrors).isZero();
    assertThat(accepted).isZero();
    assertThat(wrong).isEmpty();
  }

  /** The endpoint a case hits: method and path template, e.g. {@code PUT /api/dishes/{id}}. */
  private static String endpoint(Hostile c) {
    String path = c.path().replaceAll("[?#].*$", "");
    path = path.replaceAll("^/api/(dishes|menu|orders)/(?!batch$)[^/]+", "/api/$1/{id}");
    return c.method() + " " + c.target().base().replaceAll(".*:", ":") + path;
  }

  private static HttpResult send(Hostile c) {
    String path = c.path();
    Map<String, String> headers = new LinkedHashMap<>();
    if (path.endsWith("#if-match")) {
      path = path.substring(0, path.length() - 9);
      headers.put("If-Match", "\"1.5\"");
    }
    if (path.endsWith("#bad-key")) {
      path = path.substring(0, path.length() - 8);
      headers.put("Idempotency-Key", "k".repeat(500));
    }
    if (path.endsWith("#chunked")) {
      path = path.substring(0, path.length() - 8);
      byte[] bytes = c.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return c.target()
          .send(
              HttpRequest.newBuilder(URI.create(c.target().base() + path))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new ByteArrayInputStream(bytes))));
    }
    try {
      return c.target().request(c.method(), path, c.body(), headers);
    } catch (RuntimeException e) {
      // a connection the server closed on a huge body counts as refused, never as accepted
      return new HttpResult(413, null, "connection closed: " + e.getMessage(), emptyHeaders());
    }
  }

  private static java.net.http.HttpHeaders emptyHeaders() {
    return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  // --- rogue members -------------------------------------------------------------------------

  private record Rogue(String name, String reason, List<String> options, boolean mayJoin) {}

  @Test
  @Order(4)
  void rogueMembers_areRefusedByTls_withTheReasonLogged_aValidCertificateJoins() throws Exception {
    String digestBefore = Api.viewDigest(menu);
    assertThat(Api.viewDigest(order)).isEqualTo(digestBefore);
    int membersBefore = menu.cluster().path("members").size();
    TestCertificates ca = TestCertificates.shared();
    Path pairCa = ca.caCertFile();
    List<Rogue> rogues =
        List.of(
            new Rogue(
                "no-certificate",
                "Unrecognized SSL message, plaintext connection?",
                List.of("-Dcoherence.socketprovider=tcp"),
                false),
            new Rogue(
                "other-ca",
                "Empty client certificate chain",
                TestCertificates.foreign("rogue CA")
                    .memberTrusting("rogue-other-ca", pairCa)
                    .systemProperties(),
                false),
            new Rogue(
                "no-client-auth",
                "Extended key usage does not permit use for TLS client authentication",
                ca.memberWithoutClientAuth("rogue-no-client-auth").systemProperties(),
                false),
            new Rogue("valid", null, ca.member("positive-control").systemProperties(), true));

    List<CompletableFuture<String>> outcomes = new ArrayList<>();
    for (Rogue rogue : rogues) {
      outcomes.add(CompletableFuture.supplyAsync(() -> attempts(rogue, 10, membersBefore)));
    }
    System.out.println(
        "[security] rogue members, 10 attempts each, cluster service restarted in one JVM per case:");
    for (CompletableFuture<String> outcome : outcomes) {
      System.out.println("  " + outcome.join());
    }
    assertThat(Api.viewDigest(menu)).isEqualTo(digestBefore);
    assertThat(Api.viewDigest(order)).isEqualTo(digestBefore);
    assertThat(menu.cluster().path("members").size()).isEqualTo(membersBefore);
  }

  private String attempts(Rogue rogue, int count, int legitimateMembers) {
    List<String> options = new ArrayList<>();
    options.addAll(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    options.add("-Dcoherence.member=rogue-" + rogue.name());
    options.add("-Dcoherence.role=rogue");
    options.add("-Dcoherence.distributed.localstorage=false");
    // a refused attempt ends when the cluster service gives up starting
    options.add("-Dcoherence.publisher.delivery.timeout=" + (rogue.mayJoin() ? 30_000 : 2500));
    options.add("-Djava.net.preferIPv4Stack=true");
    fleet.cluster().loopbackProperties().forEach((k, v) -> options.add("-D" + k + "=" + v));
    options.add("-Dcoherence.cacheconfig=" + CacheNames.CACHE_CONFIG);
    options.addAll(rogue.options());
    int refusedWithReason = 0;
    int joined = 0;
    try (ChildJvm jvm =
        ChildJvm.startOnThisClasspath(
            "rogue-" + rogue.name(),
            options,
            RogueMember.class,
            List.of(),
            fleet.workDir().resolve("logs"))) {
      jvm.await("READY", Duration.ofSeconds(60));
      for (int i = 1; i <= count; i++) {
        long logged = reasonLines(rogue.reason());
        jvm.tell("attempt");
        String result = jvm.awaitLine(Duration.ofSeconds(60), "JOINED", "NOT_JOINED");
        jvm.await("STOPPED", Duration.ofSeconds(60));
        if (result.startsWith("JOINED")) {
          joined++;
          assertThat(Integer.parseInt(result.substring(7).trim()))
              .as("the positive control joins the pair's cluster")
              .isEqualTo(legitimateMembers + 1);
        } else if (rogue.reason() != null && reasonLines(rogue.reason()) > logged) {
          refusedWithReason++;
        }
      }
      jvm.tell("quit");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String summary =
        rogue.mayJoin()
            ? rogue.name() + " (positive control): " + joined + "/" + count + " joined"
            : rogue.name()
                + ": "
                + joined
                + "/"
                + count
                + " joined, "
                + refusedWithReason
                + "/"
                + count
                + " refused with \""
                + rogue.reason()
                + "\" logged by the pair for peer /127.0.0.1";
    if (rogue.mayJoin()) {
      assertThat(joined).as(summary).isEqualTo(count);
    } else {
      assertThat(joined).as(summary).isZero();
      assertThat(refusedWithReason).as(summary).isEqualTo(count);
    }
    return summary;
  }

  /** TLS handshake failures the pair's members logged for a peer on 127.0.0.1, by reason. */
  private static long reasonLines(String reason) throws IOException {
    if (reason == null) {
      return 0;
    }
    long n = 0;
    for (ServiceProcess p : List.of(menu, order)) {
      for (String line : Files.readAllLines(p.log())) {
        if (line.contains("exception regarding peer /127.0.0.1:") && line.contains(reason)) {
          n++;
        }
      }
    }
    return n;
  }

  // --- identity provider outage --------------------------------------------------------------

  @Test
  @Order(5)
  void identityProviderOutage_cachedKeysKeepOrdersFlowing() throws Exception {
    ServiceHttp customer = order.http().anonymous();
    assertThat(customer.withToken(TOKENS.token("c-outage")).get("/api/orders").status())
        .isEqualTo(200);
    int fetches = identityProvider.fetches();
    identityProvider.stop();
    // past the 3 s key cache: every refresh now fails
    Thread.sleep(5000);
    int placed = 0;
    for (int i = 0; i < 20; i++) {
      HttpResult r =
          customer
              .withToken(TOKENS.token("c-outage-" + i))
              .post(
                  "/api/orders",
                  Map.of("items", List.of(Map.of("dishId", Api.SPICY_TUNA_ROLL, "quantity", 1))),
                  Map.of("Idempotency-Key", "outage-" + i));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      placed++;
    }
    assertThat(
            customer.withToken(TestTokens.foreign().token("c-outage")).get("/api/orders").status())
        .as("a key it never fetched is still refused")
        .isEqualTo(401);
    System.out.printf(
        "[security] identity provider down (after %d key fetches, cache TTL 3 s, 5 s into the"
            + " outage): %d/20 orders placed with fresh tokens, a foreign key refused%n",
        fetches, placed);
  }

  // --- helpers -------------------------------------------------------------------------------

  private static String expect(HttpResult r, int status, String what) {
    assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(status);
    if (status >= 400) {
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .as(what)
          .startsWith("application/problem+json");
    }
    return what + ": " + r.status();
  }

  private static String writerOf(String dishId, long version) throws SQLException {
    var db = fleet.menuDatabase();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        var s =
            c.prepareStatement(
                "SELECT writer FROM dish_revision WHERE dish_id = ? AND version = ?")) {
      s.setString(1, dishId);
      s.setLong(2, version);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
