package io.cachepair.order.ordering;

import java.util.Optional;

/** The checked value of an {@code Idempotency-Key} header: 1 to 200 printable ASCII characters. */
record IdempotencyKey(String value) {

  /** The longest key accepted; the column is sized for it. */
  static final int MAX_LENGTH = 200;

  /**
   * Checks a header value.
   *
   * @param header the raw header, absent when the client sent none
   * @return the key, or empty when there was no header
   * @throws InvalidIdempotencyKeyProblem when the header is present but not a usable key
   */
  static Optional<IdempotencyKey> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    if (header.isBlank()) {
      throw new InvalidIdempotencyKeyProblem("must not be blank");
    }
    if (header.length() > MAX_LENGTH) {
      throw new InvalidIdempotencyKeyProblem(
          "must be at most " + MAX_LENGTH + " characters, was " + header.length());
    }
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new InvalidIdempotencyKeyProblem(
            "must be printable ASCII, character " + i + " is not");
      }
    }
    return Optional.of(new IdempotencyKey(header));
  }
}
