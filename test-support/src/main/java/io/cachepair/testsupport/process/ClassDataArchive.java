package io.cachepair.testsupport.process;

import io.cachepair.testsupport.cluster.TestCluster;
import io.cachepair.testsupport.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An application class-data-sharing (AppCDS) archive of a service jar, for the test JVMs. The
 * system tests start dozens of service JVMs on two cores, and loading and verifying Spring's and
 * Coherence's classes is most of each start (compare a system test's failsafe time, or the "Started
 * ... in" line of its service logs under target/system-test-logs, at this commit and its parent).
 *
 * <p>Built once per jar and kept next to it (so every module's tests share it, and a rebuilt jar
 * gets a new one): the fat jar is extracted with Spring Boot's {@code jarmode=tools} (CDS cannot
 * archive classes of nested jars), then one training start on a cluster of its own dumps the
 * classes it loaded up to the context refresh, where it exits. Anything that fails leaves the JVMs
 * starting from the fat jar as before; a JVM that cannot map the archive runs without it.
 */
final class ClassDataArchive {

  /** How a service JVM is launched: options before {@code -jar}, and the jar. */
  record Launch(List<String> jvmOptions, Path jar) {}

  private static final Map<Path, CompletableFuture<Launch>> LAUNCHES = new ConcurrentHashMap<>();

  private static final long TRAINING_LIMIT_SECONDS = 240;

  private ClassDataArchive() {}

  /**
   * How to launch a service: from its jar's extracted copy with the archive, built now if it is not
   * there yet (every service's at once, side by side), or else from the jar itself.
   *
   * @param kind the service
   * @return the launch
   */
  static Launch of(ServiceKind kind) {
    for (ServiceKind other : ServiceKind.values()) {
      if (other != kind) {
        try {
          preparing(other.jar());
        } catch (IllegalStateException notBuilt) {
          // a module that runs one service only: its jar is all it needs
        }
      }
    }
    return preparing(kind.jar()).join();
  }

  private static CompletableFuture<Launch> preparing(Path fatJar) {
    return LAUNCHES.computeIfAbsent(
        fatJar,
        jar -> {
          CompletableFuture<Launch> launch = new CompletableFuture<>();
          Thread builder =
              new Thread(() -> launch.complete(prepare(jar)), "class-data-" + jar.getFileName());
          builder.setDaemon(true);
          builder.start();
          return launch;
        });
  }

  private static Launch prepare(Path fatJar) {
    Launch plain = new Launch(List.of(), fatJar);
    try {
      Path dir =
          fatJar
              .resolveSibling("cds")
              .resolve(
                  fatJar.getFileName()
                      + "-"
                      + Files.getLastModifiedTime(fatJar).toMillis()
                      + "-"
                      + Files.size(fatJar));
      Files.createDirectories(dir);
      // one builder at a time across JVMs (the modules' test JVMs may share the folder)
      try (FileChannel channel =
              FileChannel.open(
                  dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Path archive = dir.resolve("app.jsa");
        Path jar = dir.resolve("app").resolve(fatJar.getFileName());
        if (!Files.isRegularFile(archive)) {
          Optional<String> failure = build(fatJar, dir, jar, archive);
          if (failure.isPresent()) {
            System.out.println(
                "class-data archive of "
                    + fatJar.getFileName()
                    + " not built ("
                    + failure.get()
                    + "): service JVMs start from the jar");
            return plain;
          }
        }
        return new Launch(List.of("-XX:SharedArchiveFile=" + archive), jar);
      }
    } catch (IOException | RuntimeException e) {
      System.out.println("class-data archive of " + fatJar.getFileName() + " not used (" + e + ")");
      return plain;
    }
  }

  private static Optional<String> build(Path fatJar, Path dir, Path jar, Path archive)
      throws IOException {
    long started = System.nanoTime();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path app = dir.resolve("app");
    if (Files.exists(app)) {
      try (Stream<Path> files = Files.walk(app)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(ClassDataArchive::delete);
      }
    }
    int extracted =
        run(
            List.of(
                java.toString(),
                "-Djarmode=tools",
                "-jar",
                fatJar.toString(),
                "extract",
                "--destination",
                app.toString()),
            dir.resolve("extract.log"));
    if (extracted != 0 || !Files.isRegularFile(jar)) {
      return Optional.of("extract exited " + extracted + ", see " + dir.resolve("extract.log"));
    }
    Path partial = dir.resolve("app.jsa.partial");
    Files.deleteIfExists(partial);
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    // the flags the tests' JVMs run with (ServiceProcess), so the archive maps
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:ArchiveClassesAtExit=" + partial);
    command.add("-Dspring.context.exit=onRefresh");
    command.add("-Djava.net.preferIPv4Stack=true");
    command.add("-jar");
    command.add(jar.toString());
    Map<String, String> args = TestCluster.unique("cds-training").springProperties();
    args.put("server.port", String.valueOf(FreePorts.pick()));
    args.put("server.address", "127.0.0.1");
    args.put("cachepair.data-dir", dir.resolve("training-data").toString());
    args.forEach((k, v) -> command.add("--" + k + "=" + v));
    int trained = run(command, dir.resolve("training.log"));
    if (trained != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
      return Optional.of("training exited " + trained + ", see " + dir.resolve("training.log"));
    }
    Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
    System.out.printf(
        "class-data archive of %s built in %d ms (%d MB)%n",
        fatJar.getFileName(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        Files.size(archive) >> 20);
    return Optional.empty();
  }

  private static int run(List<String> command, Path log) throws IOException {
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ProcessRegistry.register(process);
    try {
      if (!process.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
