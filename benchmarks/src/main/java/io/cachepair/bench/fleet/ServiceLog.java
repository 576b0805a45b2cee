package io.cachepair.bench.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a service's log for the moments the services log themselves (Spring started, preload
 * phases, view synchronized), since the services stay black boxes to the benchmarks.
 *
 * @param file the log file of one start
 */
public record ServiceLog(Path file) {

  /** The first line containing {@code text}, if any. */
  public Optional<String> line(String text) {
    return lines().stream().filter(l -> l.contains(text)).findFirst();
  }

  /** The timestamp (the line's leading ISO instant) of the first line containing {@code text}. */
  public Optional<Instant> timeOf(String text) {
    return line(text).map(ServiceLog::timestamp);
  }

  /** The first number group of {@code regex} in the first line it matches, as a double. */
  public Optional<Double> number(String regex) {
    Pattern p = Pattern.compile(regex);
    for (String line : lines()) {
      Matcher m = p.matcher(line);
      if (m.find()) {
        return Optional.of(Double.parseDouble(m.group(1).replace(",", "")));
      }
    }
    return Optional.empty();
  }

  private static Instant timestamp(String line) {
    return Instant.parse(line.substring(0, line.indexOf(' ')));
  }

  private List<String> lines() {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
