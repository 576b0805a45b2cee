package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.ServiceSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * {@code JDK_JAVA_OPTIONS} of a service: the heap from the spec and {@code
 * -XX:+ExitOnOutOfMemoryError}. A percentage becomes an explicit {@code -Xmx} from the memory
 * limit, because an explicit {@code -Xmx} wins over any {@code -XX:MaxRAMPercentage} an image puts
 * on its own command line (which comes after {@code JDK_JAVA_OPTIONS} and would win over ours).
 */
public final class JvmOptions {

  static final String DEFAULT_HEAP = "50%";
  private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);

  private JvmOptions() {}

  /** The options for {@code service}. */
  public static String of(ServiceSpec service) {
    String heap =
        service.getJvm() == null || service.getJvm().getHeap() == null
            ? DEFAULT_HEAP
            : service.getJvm().getHeap().trim();
    return "-XX:+ExitOnOutOfMemoryError " + heapFlag(heap, memory(service.getResources()));
  }

  static String heapFlag(String heap, Quantity memory) {
    if (!heap.endsWith("%")) {
      return "-Xmx" + heap.toLowerCase(Locale.ROOT);
    }
    int percent = Integer.parseInt(heap.substring(0, heap.length() - 1));
    if (memory == null) {
      return "-XX:MaxRAMPercentage=" + percent + ".0";
    }
    BigDecimal bytes = Quantity.getAmountInBytes(memory);
    long mib =
        bytes
            .multiply(BigDecimal.valueOf(percent))
            .divide(BigDecimal.valueOf(100).multiply(MIB), 0, RoundingMode.DOWN)
            .longValue();
    return "-Xmx" + Math.max(16, mib) + "m";
  }

  private static Quantity memory(ResourceRequirements resources) {
    if (resources == null) {
      return null;
    }
    if (resources.getLimits() != null && resources.getLimits().get("memory") != null) {
      return resources.getLimits().get("memory");
    }
    return resources.getRequests() == null ? null : resources.getRequests().get("memory");
  }
}
