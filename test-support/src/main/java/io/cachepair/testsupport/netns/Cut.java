package io.cachepair.testsupport.netns;

/** How {@link TestHost#isolate} cuts a host's cluster link. */
public enum Cut {
  /**
   * The test machine's end of the link is set down ({@code ip link set … down}): the host's
   * interface loses its carrier, as when a cable is pulled or a node's port goes dark; its kernel
   * knows (the route is marked {@code linkdown}), its processes are told nothing.
   */
  LINK_DOWN,
  /**
   * The link's bridge port is disabled ({@code bridge link set … state 0}): both ends stay up with
   * a carrier and every frame, either way, vanishes in the bridge — the silent drop of a switch or
   * firewall in between. Nothing on either side can tell a dead peer from a quiet one.
   */
  SILENT
}
