package io.cachepair.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

  @Test
  void noHeader_meansNoKey() {
    assertThat(IdempotencyKey.parse(null)).isEmpty();
  }

  @Test
  void printableKey_isAccepted() {
    assertThat(IdempotencyKey.parse("order-7f3c 2025/01"))
        .contains(new IdempotencyKey("order-7f3c 2025/01"));
  }

  @Test
  void blankKey_isABadRequestNamingTheHeader() {
    assertThatThrownBy(() -> IdempotencyKey.parse("  "))
        .isInstanceOf(InvalidIdempotencyKeyProblem.class)
        .hasMessage("Idempotency-Key: must not be blank");
  }

  @Test
  void tooLongKey_isABadRequest() {
    assertThat(IdempotencyKey.parse("k".repeat(200))).isPresent();
    assertThatThrownBy(() -> IdempotencyKey.parse("k".repeat(201)))
        .hasMessage("Idempotency-Key: must be at most 200 characters, was 201");
  }

  @Test
  void nonAsciiKey_isABadRequest() {
    assertThatThrownBy(() -> IdempotencyKey.parse("clé"))
        .hasMessage("Idempotency-Key: must be printable ASCII, character 2 is not");
  }
}
