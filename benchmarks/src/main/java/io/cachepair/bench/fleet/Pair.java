package io.cachepair.bench.fleet;

import io.cachepair.testsupport.cluster.TestCluster;
import io.cachepair.testsupport.process.ServiceKind;
import io.cachepair.testsupport.process.ServiceProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A menu and its order replicas on a cluster of their own (unique name and port, the launcher's
 * loopback recipe), built with one heap for all; closing it kills, by PID, whatever it started.
 */
public final class Pair implements AutoCloseable {

  private final TestCluster cluster;
  private final Path work;
  private final String heap;
  private final List<ServiceProcess> started = new ArrayList<>();

  /**
   * Creates the pair's identity; nothing runs yet.
   *
   * @param prefix a readable cluster-name prefix
   * @param work the folder for data and logs
   * @param heap the service JVMs' heap
   */
  public Pair(String prefix, Path work, String heap) {
    this.cluster = TestCluster.unique(prefix);
    this.work = work;
    this.heap = heap;
  }

  /** The cluster's name and port. */
  public TestCluster cluster() {
    return cluster;
  }

  /**
   * Describes a menu instance with extra Spring properties; its data folder is {@code data/name}.
   */
  public ServiceProcess menu(String name, Map<String, Object> properties) {
    return menu(name, properties, work.resolve("data").resolve(name), heap);
  }

  /** Describes a menu instance with a given data folder (e.g. one filled by an earlier start). */
  public ServiceProcess menu(
      String name, Map<String, Object> properties, Path dataDir, String menuHeap) {
    ServiceProcess.Builder b =
        ServiceProcess.builder(ServiceKind.MENU, name, cluster, work)
            .heap(menuHeap)
            .dataDir(dataDir)
            .fullJit();
    properties.forEach(b::property);
    return remember(b.build());
  }

  /** Describes an order replica. */
  public ServiceProcess order(String name) {
    return remember(
        ServiceProcess.builder(ServiceKind.ORDER, name, cluster, work)
            .heap(heap)
            .fullJit()
            .build());
  }

  private ServiceProcess remember(ServiceProcess p) {
    started.add(p);
    return p;
  }

  /** Kills every instance of this pair still running (SIGKILL, by PID). */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).kill9();
    }
  }
}
