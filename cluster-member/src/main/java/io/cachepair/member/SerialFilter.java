package io.cachepair.member;

import java.io.ObjectInputFilter;

/**
 * The JVM-wide deserialization filter of a member: Java serialization may only rebuild JDK classes,
 * Coherence's and the contract's, within small graph limits; everything else is rejected. Cluster
 * data travels as POF, so this only narrows what a forged Java-serialized payload could
 * instantiate.
 *
 * <p>A {@code -Djdk.serialFilter} given on the command line wins: it is installed by the JVM before
 * this class runs.
 */
public final class SerialFilter {

  /** The filter, in {@code jdk.serialFilter} syntax. */
  public static final String PATTERN =
      "maxdepth=64;maxrefs=100000;maxarray=1000000;maxbytes=16000000;"
          + "java.base/*;com.tangosol.**;com.oracle.coherence.**;io.cachepair.contract.**;!*";

  private SerialFilter() {}

  /** Installs {@link #PATTERN} as the JVM-wide filter unless one is set already. */
  static synchronized void install() {
    if (ObjectInputFilter.Config.getSerialFilter() == null) {
      ObjectInputFilter.Config.setSerialFilter(filter());
    }
  }

  /** The filter, for a stream of its own (tests). */
  public static ObjectInputFilter filter() {
    return ObjectInputFilter.Config.createFilter(PATTERN);
  }
}
