package io.cachepair.member.cache;

/** Where this member is on its way to a usable local replica of the dishes. */
public enum CacheState {
  /** Coherence has not joined the cluster yet. */
  JOINING,
  /** Joined; the dish service is starting and the local view is being filled. */
  SYNCHRONIZING,
  /** The local view holds every dish and follows every change. */
  OPEN,
  /** Opening failed; the reason is in {@link DishCaches#failure()}. */
  FAILED,
  /** The member is leaving the cluster. */
  CLOSED
}
