package io.cachepair.systemtest.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@code ./cachepair} never signals a process it did not start: a PID file naming
 * someone else's live process is reported as not running, removed, and left alone by {@code down}.
 * Runs the real script against a run directory of its own ({@code CACHEPAIR_RUN_DIR}); it starts no
 * service.
 */
class LauncherPidSafetyIT {

  /** The exact status line forms other tools parse (see the script's header). */
  private static final String STATUS_LINE =
      "^[a-z]+-(\\d+|db): (not running|running \\(pid \\d+\\), (http|tcp)://127\\.0\\.0\\.1:\\d+,"
          + " management :(\\d+|-), readiness \\S+)$";

  @TempDir Path run;
  private Process stranger;

  @BeforeEach
  void startStranger() throws IOException {
    stranger = new ProcessBuilder("sleep", "120").start();
  }

  @AfterEach
  void stopStranger() {
    stranger.destroyForcibly();
  }

  @Test
  void statusAndDown_leaveAProcessTheyDidNotStartAlone() throws Exception {
    String pid = Long.toString(stranger.pid());
    Files.writeString(run.resolve("menu-1.pid"), pid);
    Files.writeString(run.resolve("menu-db.pid"), pid);

    List<String> status = launcher("status");

    assertThat(status)
        .as("status with stale PID files")
        .contains("menu-db: not running", "menu-1: not running", "order-1: not running")
        .allSatisfy(line -> assertThat(line).matches(STATUS_LINE));
    assertThat(run.resolve("menu-1.pid")).as("stale PID file removed").doesNotExist();
    assertThat(run.resolve("menu-db.pid")).as("stale PID file removed").doesNotExist();

    Files.writeString(run.resolve("order-2.pid"), pid);
    Files.writeString(run.resolve("order-db.pid"), pid);
    launcher("down");

    assertThat(stranger.isAlive()).as("the process the launcher did not start").isTrue();
    assertThat(run.resolve("order-2.pid")).doesNotExist();
    assertThat(launcher("status")).allSatisfy(line -> assertThat(line).endsWith(": not running"));
  }

  private List<String> launcher(String command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", LauncherPaths.script().toString(), command)
            .directory(LauncherPaths.root().toFile())
            .redirectErrorStream(true);
    builder.environment().put("CACHEPAIR_RUN_DIR", run.toString());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./cachepair " + command + " did not finish within 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("./cachepair %s:%n%s", command, output).isZero();
    return output.lines().toList();
  }
}
