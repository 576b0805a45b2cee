package io.cachepair.member.cache;

/** Raised when the local replica is asked before it is synchronized; maps to 503. */
public class ReplicaUnavailableException extends RuntimeException {

  /**
   * Creates the exception.
   *
   * @param state where the replica is
   */
  public ReplicaUnavailableException(CacheState state) {
    super("the local replica of the dishes is not available yet (" + state + ")");
  }
}
