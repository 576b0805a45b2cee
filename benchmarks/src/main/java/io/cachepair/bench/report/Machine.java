package io.cachepair.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the figures were measured on — the code (git commit) and the machine, read from git, the JVM
 * and {@code /proc} — so that a result can be traced back to what produced it.
 */
public final class Machine {

  private Machine() {}

  /** The git commit, cores, memory, CPU model, OS, JVM and the load average right now. */
  public static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("commit", commit());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("memory", procLine("/proc/meminfo", "MemTotal").orElse("?"));
    m.put("cpu", procLine("/proc/cpuinfo", "model name").orElse("?"));
    m.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    m.put(
        "jvm",
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vm.vendor")
            + ")");
    m.put("loadAverage", loadAverage());
    return m;
  }

  /**
   * The commit the benchmarks were built from, {@code -dirty} when the work tree had changes: from
   * {@code cachepair.bench.commit} (set by {@code run.sh}) or else asked from git.
   */
  public static String commit() {
    String configured = System.getProperty("cachepair.bench.commit");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String head = git("rev-parse", "--short=12", "HEAD");
    if (head.isEmpty()) {
      return "unknown";
    }
    return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "-dirty";
  }

  private static String git(String... args) {
    try {
      String[] command = new String[args.length + 1];
      command[0] = "git";
      System.arraycopy(args, 0, command, 1, args.length);
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** The 1-, 5- and 15-minute load averages, as {@code /proc/loadavg} has them. */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** The 1-minute load average, or -1 when unknown. */
  public static double load1() {
    try {
      return Double.parseDouble(loadAverage().split(" ")[0]);
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static Optional<String> procLine(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
