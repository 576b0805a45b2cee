package io.cachepair.contract.evolution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** An {@link EvolutionMember} in a JVM of its own, answering one command at a time. */
final class MemberJvm implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> answers = new ArrayBlockingQueue<>(100);
  private final Path log;

  MemberJvm(String name, String classpath, String cluster, int clusterPort, Path logDir) {
    this.name = name;
    this.log = logDir.resolve(name + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of(
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-Djava.net.preferIPv4Stack=true",
            "-Dcoherence.cluster=" + cluster,
            "-Dcoherence.clusterport=" + clusterPort,
            "-Dcoherence.wka=127.0.0.1",
            "-Dcoherence.localhost=127.0.0.1",
            "-Dcoherence.discovery.address=127.0.0.1",
            "-Dcoherence.management.remote.host=127.0.0.1",
            "-Dcoherence.ttl=0",
            "-Dcoherence.cacheconfig=cachepair-cache-config.xml",
            "-Dcachepair.pof.config=evolution-pof-config.xml",
            "-Dcoherence.member=" + name,
            "-cp",
            classpath,
            EvolutionMember.class.getName()));
    try {
      Files.createDirectories(logDir);
      process = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.startsWith("OK ")
                      || line.startsWith("ERR ")
                      || line.startsWith("READY")) {
                    answers.add(line);
                  }
                }
              } catch (IOException e) {
                answers.add("ERR stdout closed: " + e);
              }
            },
            name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  String awaitReady() {
    String line = next(120);
    if (!line.startsWith("READY")) {
      throw new IllegalStateException(name + " did not start: " + line + "; log " + log);
    }
    return line;
  }

  /** Sends a command and returns its answer without the {@code OK } prefix. */
  String ask(String command) {
    try {
      stdin.write(command + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String line = next(60);
    if (!line.startsWith("OK ")) {
      throw new IllegalStateException(name + ": " + command + " -> " + line + "; log " + log);
    }
    return line.substring(3);
  }

  private String next(int seconds) {
    try {
      String line = answers.poll(seconds, TimeUnit.SECONDS);
      if (line == null) {
        throw new IllegalStateException(name + " gave no answer in " + seconds + " s; log " + log);
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
