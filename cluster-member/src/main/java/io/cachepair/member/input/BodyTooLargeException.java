package io.cachepair.member.input;

import java.io.IOException;

/**
 * A request body grew past its limit while it was read (a chunked body has no length to check
 * first); an {@link IOException} because it ends the read. Answered 413.
 */
public class BodyTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long limit;

  BodyTooLargeException(long limit) {
    super("the request body is larger than " + limit + " bytes");
    this.limit = limit;
  }

  /** The limit that was passed, in bytes. */
  public long limit() {
    return limit;
  }
}
