package io.cachepair.testsupport.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The test network on real namespaces and bridges: hosts reach each other on both links, a cut
 * (either kind) stops the cluster link alone and heals, and closing removes every namespace, link,
 * bridge and process. Skipped without root or {@code ip netns}, except under {@code CI=true}.
 */
class TestNetworkIT {

  @Test
  void isolate_cutsTheClusterLinkOnly_healRestoresIt_closeRemovesEverything() throws Exception {
    String unavailable = TestNetwork.unavailableBecause();
    if (unavailable != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true and no test networks here: " + unavailable);
      }
      Assumptions.abort("skipped: " + unavailable);
    }
    TestNetwork network = TestNetwork.create("TestNetworkIT");
    String namespaceA;
    try {
      TestHost a = network.addHost("a");
      TestHost b = network.addHost("b");
      namespaceA = a.namespace();
      assertThat(b.exec("getent", "ahostsv4", TestNetwork.WKA))
          .contains(a.clusterAddress())
          .contains(b.clusterAddress());
      Process listener = startListener(a);

      List<String> healthy = reachability(a, b);
      a.isolate(Cut.LINK_DOWN);
      List<String> linkDown = reachability(a, b);
      a.heal();
      List<String> healed = reachability(a, b);
      a.isolate(Cut.SILENT);
      List<String> silent = reachability(a, b);
      String carrier = a.exec("ip", "-o", "link", "show", "cl0");
      a.heal();
      List<String> healedAgain = reachability(a, b);
      System.out.printf(
          "test network: healthy %s; LINK_DOWN %s; healed %s; SILENT %s (cl0 %s); healed %s%n",
          healthy,
          linkDown,
          healed,
          silent,
          carrier.contains("LOWER_UP") ? "up" : "down",
          healedAgain);

      List<String> all = List.of("cluster", "service", "test");
      assertThat(healthy).containsExactlyElementsOf(all);
      assertThat(linkDown).containsExactly("service", "test");
      assertThat(healed).containsExactlyElementsOf(all);
      assertThat(silent).containsExactly("service", "test");
      assertThat(carrier).as("a silent cut leaves the host's link up").contains("LOWER_UP");
      assertThat(healedAgain).containsExactlyElementsOf(all);
      assertThat(listener.isAlive()).isTrue();
    } finally {
      network.close();
    }
    assertThat(Commands.run(List.of("ip", "netns", "list")).output()).doesNotContain(namespaceA);
    assertThat(Commands.run(List.of("ip", "-o", "link")).output()).doesNotContain(network.id());
    assertThat(Commands.run(List.of("ip", "-4", "-o", "addr")).output())
        .doesNotContain(network.serviceGateway() + "/");
  }

  /**
   * Which of a's listeners b reaches (cluster link, service link), and whether the test JVM reaches
   * a over the service bridge.
   */
  private static List<String> reachability(TestHost a, TestHost b) throws Exception {
    List<String> reached = new ArrayList<>();
    if (connects(b, a.clusterAddress(), 7000)) {
      reached.add("cluster");
    }
    if (connects(b, a.serviceAddress(), 7001)) {
      reached.add("service");
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(a.serviceAddress(), 7001), 2000);
      reached.add("test");
    } catch (java.io.IOException e) {
      // not reached
    }
    return reached;
  }

  private static boolean connects(TestHost from, String address, int port) {
    Commands.Result r =
        Commands.run(
            from.wrap(
                List.of("timeout", "2", "bash", "-c", "exec 3<>/dev/tcp/" + address + "/" + port)));
    return r.exit() == 0;
  }

  private static Process startListener(TestHost host) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                host.wrap(
                    List.of(
                        java,
                        "-Xmx32m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Listener.class.getName(),
                        host.clusterAddress() + ":7000",
                        host.serviceAddress() + ":7001")))
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo("LISTENING");
    return p;
  }
}
