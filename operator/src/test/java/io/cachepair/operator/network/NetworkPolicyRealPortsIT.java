package io.cachepair.operator.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.SecuritySpec;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.dependent.CoherenceNetworkPolicyDependent;
import io.cachepair.operator.dependent.DeploymentBlueprint;
import io.cachepair.operator.dependent.PairNames;
import io.cachepair.operator.dependent.Rendering;
import io.cachepair.operator.testing.Pairs;
import io.cachepair.testsupport.netns.ListeningSocket;
import io.cachepair.testsupport.netns.NetworkNamespace;
import io.cachepair.testsupport.tls.TestCertificates;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Starts the real menu-service jar with exactly the environment the operator renders for a menu pod
 * (secret and downward-API values resolved as the kubelet would), alone in a network namespace
 * whose {@code eth0} stands for the pod IP, so the Kubernetes ports are free; then reads its
 * listening sockets with {@code ss} and checks them against the NetworkPolicy the operator renders
 * for that pair: every socket that is not loopback-only must be admitted, and every Coherence port
 * the policy opens between members must really be bound on the pod address.
 */
class NetworkPolicyRealPortsIT {

  private static final String POD_CIDR = "10.250.0.2/24";
  private static final Duration START = Duration.ofSeconds(150);

  @Test
  void menuPod_everyNonLoopbackSocket_isAdmittedByTheRenderedPolicy() throws Exception {
    String unavailable = NetworkNamespace.unavailableBecause();
    if (unavailable != null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true but no network namespace can be made: " + unavailable);
      }
      Assumptions.abort("skipped, no network namespace here: " + unavailable);
    }
    Path jar = Path.of(System.getProperty("cachepair.menu.jar", "missing"));
    assertThat(jar).as("the menu jar (./mvnw -pl menu-service -am package)").isRegularFile();
    Path work = Files.createTempDirectory("cachepair-netns-");
    Path logs = Path.of(System.getProperty("cachepair.logs.dir", work.toString()));
    Files.createDirectories(logs);

    CachedServicePair pair = Pairs.minimal("food");
    // production shape: cluster TLS from a Secret, tokens checked against an identity provider
    SecuritySpec security = new SecuritySpec();
    security.setClusterTlsSecret("food-cluster-tls");
    security.setJwkSetUri("https://idp.example.com/.well-known/jwks.json");
    pair.getSpec().setSecurity(security);
    pair.getSpec()
        .getMenu()
        .setResources(
            new ResourceRequirementsBuilder()
                .withLimits(Map.of("memory", new Quantity("512Mi")))
                .build());
    Container container =
        DeploymentBlueprint.podTemplate(pair, ServiceRole.MENU).getSpec().getContainers().get(0);
    NetworkPolicy policy =
        CoherenceNetworkPolicyDependent.desired(pair, new Rendering("cachepair-system"));

    String podIp = POD_CIDR.substring(0, POD_CIDR.indexOf('/'));
    Map<String, String> hosts = Map.of(PairNames.wkaHost(pair), podIp);
    try (NetworkNamespace ns = NetworkNamespace.create("cachepair-menu", POD_CIDR, hosts)) {
      Map<String, String> env = kubeletEnvironment(container, podIp, work);
      // the kubelet mounts the Secret there; here the test CA's member files stand in for it
      assertThat(container.getVolumeMounts())
          .anySatisfy(
              m -> assertThat(m.getMountPath()).isEqualTo(env.get("CACHEPAIR_CLUSTER_TLSDIR")));
      env.put("CACHEPAIR_CLUSTER_TLSDIR", TestCertificates.sharedMember().dir().toString());
      Path log = logs.resolve("netns-menu-service.log");
      Process menu = ns.start(List.of(java(), "-jar", jar.toString()), env, log);

      List<ListeningSocket> sockets = awaitServing(ns, menu, log);
      System.out.println("menu-service in " + ns.name() + " listens on:");
      sockets.forEach(s -> System.out.println("  " + s + "  " + s.process()));

      List<String> notAdmitted = new ArrayList<>();
      for (ListeningSocket socket : sockets) {
        if (!socket.loopbackOnly() && !admitted(policy, socket)) {
          notAdmitted.add(socket + " (" + socket.process() + ")");
        }
      }
      Set<String> unbound = new TreeSet<>();
      for (NetworkPolicyPort port : policy.getSpec().getIngress().get(0).getPorts()) {
        boolean bound =
            sockets.stream()
                .anyMatch(
                    s ->
                        !s.loopbackOnly()
                            && s.port() == port.getPort().getIntVal()
                            && s.protocol().equals(port.getProtocol()));
        if (!bound) {
          unbound.add(port.getProtocol() + " " + port.getPort().getIntVal());
        }
      }
      assertThat(notAdmitted)
          .as(
              "sockets of the real menu-service (rendered env, pod IP %s) that the rendered"
                  + " NetworkPolicy does not admit",
              podIp)
          .isEmpty();
      assertThat(unbound)
          .as("Coherence ports the policy opens between members that the member does not bind")
          .isEmpty();
    }
  }

  /** Every socket up once the API port listens and the set stops changing. */
  private static List<ListeningSocket> awaitServing(NetworkNamespace ns, Process menu, Path log)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + START.toNanos();
    List<ListeningSocket> last = List.of();
    int stable = 0;
    while (System.nanoTime() < deadline) {
      if (!menu.isAlive()) {
        fail("menu-service exited (" + menu.exitValue() + "); log:\n" + tail(log));
      }
      List<ListeningSocket> now = ns.listeningSockets();
      boolean api = now.stream().anyMatch(s -> s.protocol().equals("TCP") && s.port() == 8080);
      stable = api && Set.copyOf(now).equals(Set.copyOf(last)) ? stable + 1 : 0;
      if (stable >= 2) {
        return now;
      }
      last = now;
      Thread.sleep(500);
    }
    fail(
        "menu-service did not listen on 8080 within "
            + START
            + "; sockets "
            + last
            + "; log:\n"
            + tail(log));
    return last;
  }

  private static boolean admitted(NetworkPolicy policy, ListeningSocket socket) {
    for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
      for (NetworkPolicyPort port : rule.getPorts()) {
        if (port.getPort().getIntVal() == socket.port()
            && port.getProtocol().equals(socket.protocol())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The container's environment as the kubelet makes it: plain values, {@code fieldRef} for the
   * pod's IP, name and node, and {@code secretKeyRef} from a test Secret that points the service at
   * an H2 file (the rendered variables are the same as for PostgreSQL); the image's own {@code ENV}
   * ({@code CACHEPAIR_DATA_DIR}), {@code PATH} and {@code HOME} come first.
   */
  private static Map<String, String> kubeletEnvironment(
      Container container, String podIp, Path work) {
    Map<String, String> secret =
        Map.of(
            "url", "jdbc:h2:file:" + work.resolve("menu") + ";WRITE_DELAY=0",
            "username", "sa",
            "password", "");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOME", work.toString());
    env.put("CACHEPAIR_DATA_DIR", work.resolve("data").toString());
    for (EnvVar var : container.getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), var.getValue());
      } else if (var.getValueFrom().getFieldRef() != null) {
        String path = var.getValueFrom().getFieldRef().getFieldPath();
        env.put(
            var.getName(),
            switch (path) {
              case "status.podIP" -> podIp;
              case "metadata.name" -> "food-menu-7c9d8-abcde";
              case "spec.nodeName" -> "node-1";
              default -> throw new IllegalStateException("unknown fieldRef " + path);
            });
      } else if (var.getValueFrom().getSecretKeyRef() != null) {
        env.put(var.getName(), secret.get(var.getValueFrom().getSecretKeyRef().getKey()));
      } else {
        throw new IllegalStateException("cannot resolve " + var.getName());
      }
    }
    return env;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
