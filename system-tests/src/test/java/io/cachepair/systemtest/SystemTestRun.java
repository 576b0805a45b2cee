package io.cachepair.systemtest;

import io.cachepair.testsupport.process.ProcessRegistry;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Brackets the whole system-test run: prints its total time and, at the end, how many service JVMs
 * were started and that none is still alive (killing and naming any that is).
 */
public class SystemTestRun implements LauncherSessionListener {

  private long startedNanos;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    startedNanos = System.nanoTime();
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    List<ProcessHandle> alive = ProcessRegistry.alive();
    long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
    System.out.printf(
        "system-tests: %d service JVMs started, %d still alive at the end; total time %d min %d s%n",
        ProcessRegistry.startedCount(), alive.size(), seconds / 60, seconds % 60);
    if (!alive.isEmpty()) {
      System.out.println("system-tests: killing survivors " + alive);
      alive.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
