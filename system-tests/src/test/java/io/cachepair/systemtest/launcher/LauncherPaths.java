package io.cachepair.systemtest.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the local launcher's files from wherever the build runs the tests (module or root). */
final class LauncherPaths {

  private LauncherPaths() {}

  /** The repository root: the nearest directory above the working directory with ./cachepair. */
  static Path root() {
    Path start = Path.of("").toAbsolutePath();
    Path dir = start;
    for (int up = 0; dir != null && up < 5; up++, dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("cachepair"))
          && Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no ./cachepair in " + start + " or above");
  }

  /** The launcher script, {@code ./cachepair}. */
  static Path script() {
    return root().resolve("cachepair");
  }

  /** The launcher's single-file Java helper. */
  static Path helper() {
    return root().resolve("launcher/Cachepair.java");
  }
}
