package io.cachepair.testsupport.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh folders for a test's data and logs under {@code target/test-data}, so that what a failed
 * test leaves behind is next to the build that ran it and {@code ./mvnw clean} removes it.
 */
public final class WorkDirs {

  private WorkDirs() {}

  /**
   * Creates a new, empty folder.
   *
   * @param prefix a readable prefix, e.g. the test class name
   * @return its absolute path
   */
  public static Path fresh(String prefix) {
    try {
      Path root = Files.createDirectories(Path.of("target", "test-data"));
      return Files.createTempDirectory(root, prefix + "-").toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
