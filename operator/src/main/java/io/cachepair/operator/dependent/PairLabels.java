package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code app.kubernetes.io/*} labels of a pair's resources and the selectors built from them,
 * kept in one place because the WKA Service, the PDB and the NetworkPolicy must select exactly the
 * pods the Deployments create.
 */
public final class PairLabels {

  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  public static final String PART_OF_VALUE = "cachepair";
  public static final String MANAGED_BY_VALUE = "cachepair-operator";

  /** Label selector of everything this operator manages; its informers watch only that. */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGED_BY_VALUE;

  private PairLabels() {}

  /** Selects every pod of the pair, menu and order alike. */
  public static Map<String, String> pairSelector(CachedServicePair pair) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PART_OF, PART_OF_VALUE);
    labels.put(INSTANCE, pair.getMetadata().getName());
    return labels;
  }

  /** Selects the pods of one service of the pair; immutable in a Deployment once created. */
  public static Map<String, String> serviceSelector(CachedServicePair pair, ServiceRole role) {
    Map<String, String> labels = pairSelector(pair);
    labels.put(NAME, role.serviceName());
    return labels;
  }

  /** Labels of a resource that belongs to the pair as a whole. */
  public static Map<String, String> forPair(CachedServicePair pair, String component) {
    Map<String, String> labels = pairSelector(pair);
    labels.put(COMPONENT, component);
    labels.put(MANAGED_BY, MANAGED_BY_VALUE);
    return labels;
  }

  /** Labels of a resource (or pod) of one service. */
  public static Map<String, String> forService(CachedServicePair pair, ServiceRole role) {
    Map<String, String> labels = serviceSelector(pair, role);
    labels.put(COMPONENT, role.id());
    labels.put(MANAGED_BY, MANAGED_BY_VALUE);
    return labels;
  }
}
