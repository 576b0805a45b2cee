package io.cachepair.member;

import java.io.ObjectInputFilter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM-wide deserialization filter of a member: Java serialization may only rebuild JDK classes
 * (Coherence's management sends JMX types), Coherence's and this project's, within small graph
 * limits; everything else is rejected and the class named once in the log. Cluster data travels as
 * POF, so this only narrows what a forged Java-serialized payload could instantiate.
 *
 * <p>A {@code -Djdk.serialFilter} given on the command line wins: the JVM installs it before this
 * class runs.
 */
public final class SerialFilter {

  private static final Logger log = LoggerFactory.getLogger(SerialFilter.class);

  /** The filter, in {@code jdk.serialFilter} syntax. */
  public static final String PATTERN =
      "maxdepth=64;maxrefs=100000;maxarray=1000000;maxbytes=16000000;"
          + "java.**;javax.management.**;com.tangosol.**;com.oracle.coherence.**;io.cachepair.**;!*";

  private static final Set<String> reported = ConcurrentHashMap.newKeySet();

  private SerialFilter() {}

  /** Installs {@link #PATTERN} as the JVM-wide filter unless one is set already. */
  static synchronized void install() {
    if (ObjectInputFilter.Config.getSerialFilter() == null) {
      ObjectInputFilter.Config.setSerialFilter(filter());
    }
  }

  /** The filter, for a stream of its own (tests); it logs each class it rejects once. */
  public static ObjectInputFilter filter() {
    ObjectInputFilter pattern = ObjectInputFilter.Config.createFilter(PATTERN);
    return info -> {
      ObjectInputFilter.Status status = pattern.checkInput(info);
      if (status == ObjectInputFilter.Status.REJECTED) {
        String what =
            info.serialClass() != null
                ? info.serialClass().getName()
                : "a graph over the limits (depth " + info.depth() + ")";
        if (reported.add(what)) {
          log.warn("Java deserialization of {} rejected by the serial filter", what);
        }
      }
      return status;
    };
  }
}
