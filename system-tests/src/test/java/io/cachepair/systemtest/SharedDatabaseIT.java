package io.cachepair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.systemtest.history.FinalState;
import io.cachepair.systemtest.history.HistoryChecks;
import io.cachepair.systemtest.history.Workload;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import io.cachepair.testsupport.tokens.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production shape of the system of record: two menus on one PostgreSQL database and two order
 * replicas on another, under concurrent writes, orders and reads, with one menu killed -9 mid-run
 * and restarted. A history checker (after Jepsen's) then proves: one content per version,
 * convergence of database and views, no version going backwards, no delete coming back, order lines
 * that name committed revisions, no acknowledged write lost. And the same Idempotency-Key sent at
 * once to both order replicas places exactly one order.
 *
 * <p>Run against the earlier shape (every instance on an H2 database of its own, commit 12f4b5b),
 * the same checker found 16 versions acknowledged with two prices, 21 order lines priced from an
 * ambiguous version, and 20 of 20 Idempotency-Keys placing two orders (docs/architecture.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedDatabaseIT {

  @RegisterExtension static final ServiceFleet fleet = new ServiceFleet("shared-db");

  static final List<String> HOT = List.of("hot-a", "hot-b", "hot-c");
  static final String STEADY = "steady-dish";

  static ServiceProcess menu1;
  static ServiceProcess menu2;
  static ServiceProcess order1;
  static ServiceProcess order2;

  @BeforeAll
  static void startPair() {
    menu1 = fleet.menu("menu-1", SharedDatabaseIT::shape);
    menu2 = fleet.menu("menu-2", SharedDatabaseIT::shape);
    order1 = fleet.order("order-1", SharedDatabaseIT::shape);
    order2 = fleet.order("order-2", SharedDatabaseIT::shape);
    ServiceFleet.startAllReady(menu1, order1);
    ServiceFleet.startAllReady(menu2, order2);
    for (String dish : concat(HOT, STEADY)) {
      HttpResult r = menu1.http().post("/api/dishes", Workload.body(dish, 1000, true), Map.of());
      assertThat(r.status()).as("create %s: %s", dish, r.body()).isIn(200, 201);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                HOT.stream()
                    .allMatch(
                        d ->
                            order1.http().get("/api/menu/" + d).status() == 200
                                && order2.http().get("/api/menu/" + d).status() == 200));
  }

  private static ServiceProcess.Builder shape(ServiceProcess.Builder b) {
    return b.property("cachepair.menu.publish-interval", "200ms");
  }

  @Test
  @Order(1)
  void history_ofConcurrentWritesOrdersAndReads_withAMenuKilledMidRun_hasNoViolation()
      throws Exception {
    Workload workload = new Workload(List.of(menu1, menu2), List.of(order1, order2), HOT);
    workload.run(
        3,
        2,
        Duration.ofSeconds(24),
        Duration.ofSeconds(8),
        () -> {
          menu2.kill9();
          System.out.println("history: menu-2 killed -9 mid-run; restarting it");
          CompletableFuture.runAsync(() -> menu2.start().awaitReady(ServiceFleet.READY_TIMEOUT));
        });
    menu2.awaitReady(ServiceFleet.READY_TIMEOUT);

    List<ServiceProcess> members = List.of(menu1, menu2, order1, order2);
    FinalState[] end = {FinalState.of(members, HOT)};
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                end[0] = FinalState.of(members, HOT);
                return end[0].converged();
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      System.out.println("history: members did not converge within 60 s; checking what is there");
    }
    HistoryChecks checks =
        new HistoryChecks(
            workload.writes(),
            workload.observations(),
            workload.lines(),
            Optional.of(FinalState.revisions(fleet.menuDatabase(), HOT)),
            end[0].digests(),
            end[0].finals());
    List<HistoryChecks.Outcome> outcomes = checks.run();
    long acknowledged = workload.writes().stream().filter(w -> w.acknowledged()).count();
    System.out.printf(
        "history: %d writes sent, %d acknowledged, %d order lines, %d orders refused,"
            + " %d observations%n",
        workload.writes().size(),
        acknowledged,
        workload.lines().size(),
        workload.ordersRefused(),
        workload.observations().size());
    System.out.println(
        "history: answers by status "
            + new TreeMap<>(
                workload.writes().stream()
                    .collect(
                        java.util.stream.Collectors.groupingBy(
                            w -> w.kind() + " " + w.status(),
                            java.util.stream.Collectors.counting()))));
    outcomes.forEach(o -> System.out.println("history: " + o));
    int violations = outcomes.stream().mapToInt(HistoryChecks.Outcome::count).sum();
    System.out.println("history: violations=" + violations);
    assertThat(acknowledged).as("the workload made progress").isGreaterThan(100);
    assertThat(workload.lines()).as("orders were placed").isNotEmpty();
    assertThat(outcomes).allSatisfy(o -> assertThat(o.violations()).as(o.name()).isEmpty());
  }

  @Test
  @Order(2)
  void sameIdempotencyKey_sentAtOnceToBothOrderReplicas_placesExactlyOneOrder() throws Exception {
    int keys = 20;
    int duplicates = 0;
    int inFlight = 0;
    String customer = "idem-" + UUID.randomUUID().toString().substring(0, 8);
    String token = TestTokens.shared().token(customer);
    for (int i = 0; i < keys; i++) {
      String key = "key-" + i;
      Map<String, Object> order =
          Map.of("customerId", customer, "items", List.of(Map.of("dishId", STEADY, "quantity", 1)));
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<HttpResult>> answers = new ArrayList<>();
      for (ServiceProcess replica : List.of(order1, order2)) {
        answers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  awaitLatch(go);
                  return replica
                      .http()
                      .withToken(token)
                      .post("/api/orders", order, Map.of("Idempotency-Key", key));
                }));
      }
      go.countDown();
      Set<String> ids = new HashSet<>();
      for (CompletableFuture<HttpResult> answer : answers) {
        HttpResult r = answer.join();
        if (r.status() == 409) {
          inFlight++;
          // the first is in flight: the retry answers with its order
          r =
              order1
                  .http()
                  .withToken(token)
                  .post("/api/orders", order, Map.of("Idempotency-Key", key));
        }
        assertThat(r.status()).as("key %s: %s", key, r.body()).isIn(200, 201);
        ids.add(r.json().get("id").asText());
      }
      if (ids.size() > 1) {
        duplicates++;
      }
    }
    JsonNode listed = order2.http().withToken(token).get("/api/orders").json().get("orders");
    System.out.printf(
        "idempotency: %d keys sent at once to 2 replicas: %d orders stored, %d keys answered"
            + " with two ids, %d answered 409 in flight then replayed%n",
        keys, listed.size(), duplicates, inFlight);
    assertThat(duplicates).isZero();
    assertThat(listed.size()).isEqualTo(keys);
  }

  private static List<String> concat(List<String> list, String one) {
    List<String> all = new ArrayList<>(list);
    all.add(one);
    return all;
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
