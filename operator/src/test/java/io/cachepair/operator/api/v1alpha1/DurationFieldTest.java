package io.cachepair.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationFieldTest {

  private static final Duration FALLBACK = Duration.ofMinutes(5);

  @Test
  void parse_isoDuration_andPlainSeconds() {
    assertThat(DurationField.parse("PT1M30S", FALLBACK)).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationField.parse("120", FALLBACK)).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void parse_blankOrMalformed_fallsBack() {
    assertThat(DurationField.parse(null, FALLBACK)).isEqualTo(FALLBACK);
    assertThat(DurationField.parse("soon", FALLBACK)).isEqualTo(FALLBACK);
    assertThat(DurationField.parse("-PT1S", FALLBACK)).isEqualTo(FALLBACK);
  }
}
