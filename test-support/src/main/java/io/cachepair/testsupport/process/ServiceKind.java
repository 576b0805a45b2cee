package io.cachepair.testsupport.process;

import java.nio.file.Files;
import java.nio.file.Path;

/** The two services of a pair and where their packaged jars are. */
public enum ServiceKind {
  MENU("cachepair.menu.jar", "menu-service"),
  ORDER("cachepair.order.jar", "order-service");

  private final String jarProperty;
  private final String module;

  ServiceKind(String jarProperty, String module) {
    this.jarProperty = jarProperty;
    this.module = module;
  }

  /**
   * The service's executable jar: from the system property the build sets, else the module's target
   * folder next to the working directory.
   *
   * @return the jar's path
   * @throws IllegalStateException when the jar has not been built
   */
  public Path jar() {
    String configured = System.getProperty(jarProperty);
    Path jar =
        configured != null
            ? Path.of(configured)
            : Path.of("..", module, "target", module + "-0.1.0-SNAPSHOT.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no " + module + " jar at " + jar.toAbsolutePath() + ": run ./mvnw -B package first");
    }
    return jar.toAbsolutePath().normalize();
  }
}
