package io.cachepair.operator.api.v1alpha1;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Reads the duration fields of the spec, which accept ISO-8601 ({@code PT5M}) or plain seconds
 * ({@code 300}) like the services' own {@code CACHEPAIR_PRELOAD_TIMEOUT}.
 */
public final class DurationField {

  private DurationField() {}

  /**
   * Parses {@code value}, or returns {@code fallback} when it is blank or malformed (the CRD
   * pattern already rejects most malformed values).
   */
  public static Duration parse(String value, Duration fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String trimmed = value.trim();
    try {
      if (trimmed.chars().allMatch(Character::isDigit)) {
        return Duration.ofSeconds(Long.parseLong(trimmed));
      }
      Duration parsed = Duration.parse(trimmed);
      return parsed.isNegative() ? fallback : parsed;
    } catch (NumberFormatException | DateTimeParseException e) {
      return fallback;
    }
  }
}
