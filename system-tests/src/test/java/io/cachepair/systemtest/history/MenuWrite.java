package io.cachepair.systemtest.history;

/**
 * One write a client sent to a menu and what came back.
 *
 * @param client the client thread's name
 * @param menu the menu instance it went to
 * @param kind what was asked
 * @param dishId the dish
 * @param priceCents the price sent (0 for a delete)
 * @param startNanos when it was sent
 * @param endNanos when the answer (or failure) came
 * @param status the HTTP status, or -1 when no answer came (the menu died or hung)
 * @param version the version the answer acknowledged (body or ETag), or -1
 */
public record MenuWrite(
    String client,
    String menu,
    Kind kind,
    String dishId,
    long priceCents,
    long startNanos,
    long endNanos,
    int status,
    long version) {

  /** The kinds of writes the clients mix. */
  public enum Kind {
    /** {@code PUT} without a condition: must never fail because another writer raced it. */
    PUT,
    /** {@code PUT} with {@code If-Match} from a fresh read: 412 when the version moved. */
    PUT_IF_MATCH,
    /** {@code POST}: creates, or re-creates a deleted dish; 409 when it exists. */
    CREATE,
    /** {@code DELETE}: writes a tombstone. */
    DELETE
  }

  /** Whether the menu acknowledged the write (2xx). */
  public boolean acknowledged() {
    return status >= 200 && status < 300;
  }

  /** Whether the write left a live dish (not a delete). */
  public boolean writesContent() {
    return kind != Kind.DELETE;
  }

  /** Whether this write finished before another one started (a real-time order). */
  public boolean precedes(MenuWrite other) {
    return endNanos < other.startNanos;
  }
}
