package io.cachepair.testsupport.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every JVM this JVM started (service processes and plain members), so that none outlives the test
 * run: a shutdown hook and the tests' cleanup kill what is still running, by PID, and a run can
 * check at the end that none survived.
 */
public final class ProcessRegistry {

  private static final List<ProcessHandle> STARTED = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ProcessRegistry::killAll, "kill-child-processes"));
  }

  private ProcessRegistry() {}

  /**
   * Registers a process this JVM started.
   *
   * @param process the process
   */
  public static void register(Process process) {
    STARTED.add(process.toHandle());
  }

  /** Kills (SIGKILL) every registered process still alive, and waits until each is gone. */
  public static void killAll() {
    for (ProcessHandle p : STARTED) {
      if (p.isAlive()) {
        p.destroyForcibly();
        p.onExit()
            .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
            .exceptionally(e -> p)
            .join();
      }
    }
  }

  /** How many processes were started in all (every restart counts). */
  public static int startedCount() {
    return STARTED.size();
  }

  /** The processes started and still alive, by PID. */
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
