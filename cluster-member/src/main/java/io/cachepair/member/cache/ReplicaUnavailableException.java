package io.cachepair.member.cache;

/**
 * Raised when the local replica is asked before it is synchronized, or while it cannot be read (its
 * member cut off from the cluster or rejoining it); maps to 503.
 */
public class ReplicaUnavailableException extends RuntimeException {

  /**
   * Creates the exception.
   *
   * @param state where the replica is
   */
  public ReplicaUnavailableException(CacheState state) {
    super("the local replica of the dishes is not available yet (" + state + ")");
  }

  /**
   * Creates the exception for a replica that failed to answer.
   *
   * @param cause what the view threw (its service stopped, restarting or unreachable)
   */
  public ReplicaUnavailableException(RuntimeException cause) {
    super(
        "the local replica of the dishes cannot be read now (its member is cut off from the"
            + " cluster or rejoining it: "
            + cause.getClass().getSimpleName()
            + ")",
        cause);
  }
}
