package io.cachepair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.contract.CacheNames;
import io.cachepair.systemtest.fixture.ContractMember;
import io.cachepair.testsupport.cluster.TestCluster;
import io.cachepair.testsupport.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The handshake at join (issue 5): a member whose cache contract cannot share data with the running
 * pair is refused before its dish service starts. It exits non-zero naming both versions; the pair
 * keeps serving, loses no partition, and its replicas are unchanged. The other way round, a real
 * order-service jar that meets a member of an incompatible contract refuses to start.
 */
class IncompatibleContractIT {

  @RegisterExtension static final ServiceFleet fleet = new ServiceFleet("incompatible-contract");

  @Test
  void memberWithIncompatibleContract_isRefusedAtJoin_andThePairIsUntouched() throws Exception {
    ServiceProcess menu = fleet.menu("menu-1", b -> b);
    ServiceProcess order = fleet.order("order-1", b -> b);
    ServiceFleet.startAllReady(menu, order);
    String digest = Api.viewDigest(order);
    long lossesBefore = order.cluster().at("/partitionLosses/events").asLong();

    Result v3 = runFixture(fleet.cluster(), "contract-3", "3", "3", "join", Duration.ofMinutes(2));
    System.out.println("contract 3 member: exit " + v3.exit() + ", " + v3.verdict());
    assertThat(v3.exit()).isEqualTo(3);
    assertThat(v3.verdict())
        .startsWith("REFUSED")
        .contains("cache contract 3")
        .contains("contract 1")
        .contains("reads data of contract 3 or newer only");

    JsonNode cluster = order.cluster();
    assertThat(cluster.path("storageMembers").asInt()).isEqualTo(2);
    assertThat(cluster.at("/partitionLosses/events").asLong()).isEqualTo(lossesBefore);
    assertThat(Api.viewDigest(order)).isEqualTo(digest);
    assertThat(Api.viewDigest(menu)).isEqualTo(digest);
    Api.placeOrder(order, Api.SPICY_TUNA_ROLL, 1);
  }

  @Test
  void realOrderService_meetingAMemberOfAnIncompatibleContract_refusesToStart() throws Exception {
    Process announcer = startFixture(fleet.cluster(), "contract-3-announcer", "3", "3", "announce");
    try {
      ServiceProcess late = fleet.order("order-late", b -> b).start();
      var exit = late.awaitExit(Duration.ofMinutes(2));
      String log = Files.readString(late.log());
      System.out.println("order-service next to a contract 3 member: exit " + exit.orElse(null));
      assertThat(exit).contains(3);
      assertThat(log)
          .contains("Refused to join the dish service")
          .contains("cache contract 1 of this member is incompatible with contract 3");
      assertThat(log).doesNotContain("Service DishService joined the cluster");
    } finally {
      announcer.destroyForcibly();
      announcer.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private record Result(int exit, String verdict) {}

  private static Result runFixture(
      TestCluster cluster, String name, String version, String reads, String mode, Duration timeout)
      throws IOException, InterruptedException {
    Process p = startFixture(cluster, name, version, reads, mode);
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(name + " neither joined nor was refused within " + timeout);
    }
    List<String> out = Files.readAllLines(logOf(name));
    String verdict =
        out.stream()
            .filter(l -> l.startsWith("REFUSED") || l.startsWith("JOINED"))
            .findFirst()
            .orElse("no verdict in " + logOf(name));
    return new Result(p.exitValue(), verdict);
  }

  private static Path logOf(String name) {
    return fleet.workDir().resolve("logs").resolve(name + ".log");
  }

  private static Process startFixture(
      TestCluster cluster, String name, String version, String reads, String mode)
      throws IOException {
    Files.createDirectories(logOf(name).getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-Dcoherence.member=" + name));
    command.addAll(cluster.memberSystemProperties(CacheNames.CACHE_CONFIG));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ContractMember.class.getName(),
            version,
            reads,
            mode));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logOf(name).toFile())
        .start();
  }
}
