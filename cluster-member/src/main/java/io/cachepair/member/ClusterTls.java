package io.cachepair.member;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * The pair's private cluster: all Coherence traffic on the {@code tls-files} socket provider with
 * client authentication required, from a folder in cert-manager's layout ({@code tls.key}, {@code
 * tls.crt}, {@code ca.crt} — a Kubernetes {@code Secret} mounted as is, or the launcher's {@code
 * run/tls/<member>}).
 *
 * <p>{@code cachepair.cluster.tls-dir} (env {@code CACHEPAIR_CLUSTER_TLSDIR}) names the folder.
 * Without it, a member must either be given the {@code coherence.socketprovider} and {@code
 * coherence.security.*} properties directly, or be started with {@code
 * cachepair.cluster.insecure=true} (a plain cluster: anyone who reaches the cluster port can join);
 * otherwise it refuses to start.
 */
public final class ClusterTls {

  static final String TLS_DIR = "cachepair.cluster.tls-dir";
  static final String INSECURE = "cachepair.cluster.insecure";

  private ClusterTls() {}

  /**
   * The Coherence properties for the configured TLS folder.
   *
   * @param environment the service's environment
   * @return the properties, or empty when no folder is configured
   * @throws IllegalStateException when a file is missing
   */
  public static Optional<Map<String, Object>> from(Environment environment) {
    String dir = environment.getProperty(TLS_DIR, "").trim();
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    Path folder = Path.of(dir);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("coherence.socketprovider", "tls-files");
    properties.put("coherence.security.key", file(folder, "tls.key"));
    properties.put("coherence.security.cert", file(folder, "tls.crt"));
    properties.put("coherence.security.ca.cert", file(folder, "ca.crt"));
    properties.put("coherence.security.clientauth", "required");
    return Optional.of(properties);
  }

  /**
   * Refuses to let a member join a cluster without TLS unless that was asked for; called before the
   * member's caches open.
   *
   * @param environment the service's environment
   * @throws IllegalStateException when the cluster would be plain and that was not waived
   */
  public static void require(Environment environment) {
    String provider = environment.getProperty("coherence.socketprovider", "").trim();
    if (provider.isEmpty() && !environment.getProperty(INSECURE, Boolean.class, false)) {
      throw new IllegalStateException(
          "no cluster TLS configured: set "
              + TLS_DIR
              + " (env CACHEPAIR_CLUSTER_TLSDIR) to a folder with tls.key, tls.crt and ca.crt, or"
              + " start with "
              + INSECURE
              + "=true to run a cluster anyone on the network can join");
    }
  }

  private static String file(Path folder, String name) {
    Path file = folder.resolve(name);
    if (!Files.isReadable(file)) {
      throw new IllegalStateException(
          "cluster TLS: " + file.toAbsolutePath() + " is missing or unreadable (" + TLS_DIR + ")");
    }
    return file.toAbsolutePath().toString();
  }
}
