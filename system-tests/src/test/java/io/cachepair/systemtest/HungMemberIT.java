package io.cachepair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hung member is removed in seconds, and writes never hang meanwhile. A menu and two order
 * replicas; one order replica is frozen with SIGSTOP (what a long GC, a frozen node or a silent
 * network drop looks like). While it hangs, a client writes dishes on the menu: every answer comes
 * within 10 s (the commit is what it acknowledges; the publish has a request timeout and falls back
 * to the outbox). The frozen member — not a healthy one — leaves the cluster within 15 s; thawed,
 * it rejoins and is complete again.
 */
class HungMemberIT {

  @RegisterExtension static final ServiceFleet fleet = new ServiceFleet("hung-member");

  @Test
  void aFrozenOrderReplica_isRemovedWithinSeconds_whileMenuWritesKeepAnswering() throws Exception {
    ServiceProcess menu = fleet.menu("menu-1", b -> b);
    ServiceProcess order1 = fleet.order("order-1", b -> b);
    ServiceProcess order2 = fleet.order("order-2", b -> b);
    ServiceFleet.startAllReady(menu, order1);
    order2.start().awaitReady(ServiceFleet.READY_TIMEOUT);
    List<Integer> before = memberIds(menu);
    assertThat(before).hasSize(3);
    int frozenId = localMemberId(order2);

    long frozenAt = System.nanoTime();
    order2.freeze();
    List<Long> answerMillis = new ArrayList<>();
    int acknowledged = 0;
    long removedAfterMillis = -1;
    for (int i = 0;
        i < 40 && System.nanoTime() - frozenAt < Duration.ofSeconds(40).toNanos();
        i++) {
      long sent = System.nanoTime();
      HttpResult r =
          menu.http()
              .post(
                  "/api/dishes",
                  Map.of("name", "Hung Dish " + i, "priceCents", 500 + i, "currency", "EUR"));
      answerMillis.add((System.nanoTime() - sent) / 1_000_000);
      if (r.status() == 201) {
        acknowledged++;
      }
      if (removedAfterMillis < 0 && !memberIds(menu).contains(frozenId)) {
        removedAfterMillis = (System.nanoTime() - frozenAt) / 1_000_000;
      }
      Thread.sleep(500);
    }
    long removed = removedAfterMillis;
    long longest = answerMillis.stream().mapToLong(Long::longValue).max().orElse(-1);
    List<Integer> after = memberIds(menu);
    System.out.printf(
        "hung member: order-2 (member %d) frozen with SIGSTOP; removed from the cluster after %d"
            + " ms; %d of %d menu writes acknowledged meanwhile, longest answer %d ms; members"
            + " before %s, after %s%n",
        frozenId, removed, acknowledged, answerMillis.size(), longest, before, after);
    assertThat(removed).as("the frozen member left").isBetween(0L, 15_000L);
    assertThat(longest).as("no write waited on the hung member").isLessThan(10_000L);
    assertThat(acknowledged).isEqualTo(answerMillis.size());
    assertThat(after)
        .as("the healthy members stayed, with the same member ids")
        .containsExactlyInAnyOrderElementsOf(before.stream().filter(id -> id != frozenId).toList());

    // every acknowledged dish is on the healthy order replica
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(Api.viewDigest(order1)).isEqualTo(Api.viewDigest(menu)));

    long thawedAt = System.nanoTime();
    order2.thaw();
    CompletableFuture<Void> back =
        CompletableFuture.runAsync(() -> order2.awaitReady(ServiceFleet.READY_TIMEOUT));
    back.join();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(Api.viewDigest(order2)).isEqualTo(Api.viewDigest(menu)));
    System.out.printf(
        "hung member: thawed order-2 complete and ready again %d ms later%n",
        (System.nanoTime() - thawedAt) / 1_000_000);
  }

  private static List<Integer> memberIds(ServiceProcess member) {
    List<Integer> ids = new ArrayList<>();
    for (JsonNode m : member.cluster().path("members")) {
      ids.add(m.path("id").asInt());
    }
    return ids;
  }

  private static int localMemberId(ServiceProcess member) {
    return member.cluster().path("localMemberId").asInt();
  }
}
