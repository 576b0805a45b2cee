package io.cachepair.bench.fleet;

import io.cachepair.contract.CacheNames;
import io.cachepair.systemtest.launch.TestCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A helper JVM of the benchmarks (a plain Coherence member, the remote-lookup baseline) started on
 * this JVM's classpath; it talks back through stdout lines, logs stderr to a file, and is killed by
 * PID when done or when this JVM exits.
 */
public final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final String name;

  private ChildJvm(String name, Process process) {
    this.name = name;
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process is gone
              }
            },
            name + "-stdout");
    reader.setDaemon(true);
    reader.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
  }

  /**
   * Starts a JVM running {@code mainClass} on this JVM's classpath.
   *
   * @param name for messages and the log file
   * @param jvmArgs heap, GC and {@code -D} options
   * @param mainClass the class to run
   * @param args its arguments
   * @param logDir where its stderr goes ({@code name.log})
   * @return the running JVM
   */
  public static ChildJvm start(
      String name, List<String> jvmArgs, Class<?> mainClass, List<String> args, Path logDir) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    try {
      Files.createDirectories(logDir);
      Process p =
          new ProcessBuilder(command).redirectError(logDir.resolve(name + ".log").toFile()).start();
      return new ChildJvm(name, p);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /** The loopback recipe of DESIGN §5 as system properties, for a plain Coherence member. */
  public static List<String> loopback(TestCluster cluster) {
    return cluster.memberSystemProperties(CacheNames.CACHE_CONFIG);
  }

  /**
   * Waits for the next stdout line that starts with {@code prefix}; other lines are skipped.
   *
   * @return the rest of the line after the prefix
   * @throws IllegalStateException when none came in time or the JVM died
   */
  public String await(String prefix, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null && line.startsWith(prefix)) {
          return line.substring(prefix.length()).trim();
        }
        if (line == null && !process.isAlive() && lines.isEmpty()) {
          throw new IllegalStateException(name + " exited with " + process.exitValue());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException(name + " said no '" + prefix + "' within " + timeout);
  }

  /** Kills the JVM with SIGKILL and waits until it is gone. */
  public void kill9() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The OS process id. */
  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    kill9();
  }
}
