package io.cachepair.systemtest.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every service JVM this JVM started, so that none outlives the test run: a shutdown hook and the
 * tests' cleanup kill what is still running, by PID, and the run checks at the end that none
 * survived.
 */
public final class ProcessRegistry {

  private static final List<ServiceProcess> INSTANCES = new CopyOnWriteArrayList<>();
  private static final List<ProcessHandle> STARTED = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ProcessRegistry::killAll, "kill-service-processes"));
  }

  private ProcessRegistry() {}

  static void register(ServiceProcess instance, Process process) {
    if (!INSTANCES.contains(instance)) {
      INSTANCES.add(instance);
    }
    STARTED.add(process.toHandle());
  }

  /** Kills (SIGKILL) every instance still alive. */
  public static void killAll() {
    for (ServiceProcess p : INSTANCES) {
      p.kill9();
    }
  }

  /** How many JVMs were started in all (every restart counts). */
  public static int startedCount() {
    return STARTED.size();
  }

  /** The JVMs started and still alive, by PID, whichever instance started them. */
  public static List<ProcessHandle> alive() {
    List<ProcessHandle> alive = new ArrayList<>();
    for (ProcessHandle p : STARTED) {
      if (p.isAlive()) {
        alive.add(p);
      }
    }
    return alive;
  }
}
