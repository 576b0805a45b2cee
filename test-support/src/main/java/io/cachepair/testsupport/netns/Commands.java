package io.cachepair.testsupport.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the short {@code ip}/{@code bridge} commands that build and tear down test networks. */
final class Commands {

  private Commands() {}

  /** What a command printed (stdout and stderr) and its exit code. */
  record Result(int exit, String output) {}

  /** Runs a command and returns what happened; never throws for a non-zero exit. */
  static Result run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, out + " (timed out)");
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      return new Result(-1, command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }

  /** Runs a command and fails with its output when it exits non-zero. */
  static String check(String... command) {
    Result r = run(List.of(command));
    if (r.exit() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (" + r.exit() + "): " + r.output().trim());
    }
    return r.output();
  }

  /** Runs a cleanup command, whatever it answers (the thing may be gone already). */
  static void quietly(String... command) {
    run(List.of(command));
  }
}
