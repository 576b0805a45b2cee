package io.cachepair.bench.memory;

import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reads a service JVM's used heap after forcing full collections with {@code jcmd <pid> GC.run},
 * from the JVM's own {@code jvm_memory_used_bytes{area="heap"}} — what is left is live data.
 */
public final class HeapProbe {

  private HeapProbe() {}

  /**
   * Runs two full GCs in the service JVM and returns its used heap.
   *
   * @param service a running service
   * @return used heap in bytes, summed over the heap pools
   */
  public static long liveHeapBytes(ServiceProcess service) {
    gc(service.pid());
    gc(service.pid());
    HttpResult r = service.management().get("/actuator/prometheus");
    long sum = 0;
    for (String line : r.body().split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    if (sum == 0) {
      throw new IllegalStateException("no jvm_memory_used_bytes in " + service.name());
    }
    return sum;
  }

  private static void gc(long pid) {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    try {
      Process p =
          new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + pid + " GC.run failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("jcmd not runnable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
