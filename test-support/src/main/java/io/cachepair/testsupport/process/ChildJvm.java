package io.cachepair.testsupport.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
 * A helper JVM of a test or benchmark (a plain Coherence member, a baseline server) running a main
 * class on a given classpath. It talks back through stdout lines, which {@link #await} reads; its
 * stderr goes to a log file; it can be told things on stdin; and it is killed by PID when closed or
 * when this JVM exits ({@link ProcessRegistry}).
 */
public final class ChildJvm implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final Writer stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process is gone; await() reports it
              }
            },
            name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts a JVM running {@code mainClass}.
   *
   * @param name for messages and the log file ({@code <logDir>/<name>.log})
   * @param classpath the child's classpath
   * @param jvmOptions heap, GC and {@code -D} options
   * @param mainClass the class to run
   * @param args its arguments
   * @param logDir where its stderr goes
   * @return the running JVM
   */
  public static ChildJvm start(
      String name,
      String classpath,
      List<String> jvmOptions,
      String mainClass,
      List<String> args,
      Path logDir) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    try {
      Files.createDirectories(logDir);
      Path log = logDir.resolve(name + ".log");
      Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
      ProcessRegistry.register(p);
      return new ChildJvm(name, p, log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /**
   * Starts a JVM running {@code mainClass} on this JVM's own classpath.
   *
   * @see #start(String, String, List, String, List, Path)
   */
  public static ChildJvm startOnThisClasspath(
      String name, List<String> jvmOptions, Class<?> mainClass, List<String> args, Path logDir) {
    return start(
        name, System.getProperty("java.class.path"), jvmOptions, mainClass.getName(), args, logDir);
  }

  /**
   * Waits for the next stdout line that starts with {@code prefix}; other lines are skipped.
   *
   * @param prefix what the line starts with
   * @param timeout how long at most
   * @return the rest of the line after the prefix, trimmed
   * @throws IllegalStateException when none came in time or the JVM died first
   */
  public String await(String prefix, Duration timeout) {
    return awaitLine(timeout, prefix).substring(prefix.length()).trim();
  }

  /**
   * Waits for the next stdout line that starts with any of the prefixes; other lines are skipped.
   *
   * @param timeout how long at most
   * @param prefixes what the line may start with
   * @return the whole line
   * @throws IllegalStateException when none came in time or the JVM died first
   */
  public String awaitLine(Duration timeout, String... prefixes) {
    String wanted = String.join("' or '", prefixes);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null) {
          for (String prefix : prefixes) {
            if (line.startsWith(prefix)) {
              return line;
            }
          }
        } else if (!process.isAlive() && lines.isEmpty()) {
          throw new IllegalStateException(
              name
                  + " exited with "
                  + process.exitValue()
                  + " before '"
                  + wanted
                  + "'; log "
                  + log);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + name, e);
    }
    throw new IllegalStateException(
        name + " said no '" + wanted + "' within " + timeout + "; log " + log);
  }

  /**
   * Writes one line to the JVM's stdin.
   *
   * @param line the line, without its newline
   */
  public void tell(String line) {
    try {
      stdin.write(line + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(name + " does not read its stdin any more; log " + log, e);
    }
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

  /** Whether the JVM is running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The OS process id. */
  public long pid() {
    return process.pid();
  }

  /** The file its stderr goes to. */
  public Path log() {
    return log;
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    kill9();
  }
}
