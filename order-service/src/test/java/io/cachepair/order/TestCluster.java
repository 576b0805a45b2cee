package io.cachepair.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** A unique cluster name, a free cluster port and a fresh data directory for one test class. */
public record TestCluster(String name, int port, Path dataDir) {

  /**
   * Reserves everything one Coherence-starting test class needs.
   *
   * @param testClass the class, whose name goes into the cluster name
   * @return names and paths no other test uses
   */
  public static TestCluster forClass(Class<?> testClass) {
    String name =
        "order-" + testClass.getSimpleName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      Path target = Files.createDirectories(Path.of("target", "test-data"));
      return new TestCluster(
          name, freePort(), Files.createTempDirectory(target, name).toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
