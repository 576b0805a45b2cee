package io.cachepair.systemtest.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every service process this JVM started, so that none outlives the test run: a shutdown hook and
 * the tests' cleanup kill what is still running, by PID.
 */
public final class ProcessRegistry {

  private static final List<ServiceProcess> STARTED = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ProcessRegistry::killAll, "kill-service-processes"));
  }

  private ProcessRegistry() {}

  static void register(ServiceProcess process) {
    if (!STARTED.contains(process)) {
      STARTED.add(process);
    }
  }

  /** Kills (SIGKILL) every process still alive and forgets them all. */
  public static void killAll() {
    for (ServiceProcess p : STARTED) {
      p.kill9();
    }
    STARTED.clear();
  }

  /** The processes started and still alive. */
  public static List<ServiceProcess> alive() {
    List<ServiceProcess> alive = new ArrayList<>();
    for (ServiceProcess p : STARTED) {
      if (p.isAlive()) {
        alive.add(p);
      }
    }
    return alive;
  }
}
