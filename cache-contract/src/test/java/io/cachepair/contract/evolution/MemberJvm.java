package io.cachepair.contract.evolution;

import io.cachepair.contract.CacheNames;
import io.cachepair.testsupport.cluster.TestCluster;
import io.cachepair.testsupport.process.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An {@link EvolutionMember} in a JVM of its own, answering one command at a time. */
final class MemberJvm implements AutoCloseable {

  private final ChildJvm jvm;

  MemberJvm(String name, String classpath, TestCluster cluster, Path logDir) {
    List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC"));
    options.addAll(cluster.memberSystemProperties(CacheNames.CACHE_CONFIG));
    options.add("-Dcachepair.pof.config=evolution-pof-config.xml");
    options.add("-Dcoherence.member=" + name);
    this.jvm =
        ChildJvm.start(
            name, classpath, options, EvolutionMember.class.getName(), List.of(), logDir);
  }

  String awaitReady() {
    return jvm.awaitLine(Duration.ofSeconds(120), "READY", "ERR ");
  }

  /** Sends a command and returns its answer without the {@code OK } prefix. */
  String ask(String command) {
    jvm.tell(command);
    String line = jvm.awaitLine(Duration.ofSeconds(60), "OK ", "ERR ");
    if (!line.startsWith("OK ")) {
      throw new IllegalStateException(
          jvm.name() + ": " + command + " -> " + line + "; log " + jvm.log());
    }
    return line.substring(3);
  }

  @Override
  public void close() {
    jvm.close();
  }
}
