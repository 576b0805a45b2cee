package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Desired state of a pair: the cluster both services join, the cache contract and both services.
 */
@ValidationRule(
    value =
        "!("
            + CachedServicePairSpec.MENU_EMBEDDED
            + ") || (has(self.menu.database) && has(self.menu.database.embedded)"
            + " && has(self.menu.database.embedded.claimName))",
    fieldPath = ".menu.database",
    message =
        "menu: an embedded database must live on a volume claim (database.embedded.claimName),"
            + " or it is lost with the pod; for PostgreSQL set database.secretName instead")
@ValidationRule(
    value =
        "!("
            + CachedServicePairSpec.ORDER_EMBEDDED
            + ") || (has(self.order.database) && has(self.order.database.embedded)"
            + " && has(self.order.database.embedded.claimName))",
    fieldPath = ".order.database",
    message =
        "order: an embedded database must live on a volume claim (database.embedded.claimName),"
            + " or it is lost with the pod; for PostgreSQL set database.secretName instead")
@ValidationRule(
    value = "!(" + CachedServicePairSpec.MENU_EMBEDDED + ") || self.menu.replicas == 1",
    fieldPath = ".menu.replicas",
    message =
        "menu: an embedded database is one file that only one pod can open: replicas must be 1"
            + " (for more, use PostgreSQL through database.secretName)")
@ValidationRule(
    value = "!(" + CachedServicePairSpec.ORDER_EMBEDDED + ") || self.order.replicas == 1",
    fieldPath = ".order.replicas",
    message =
        "order: an embedded database is one file that only one pod can open: replicas must be 1"
            + " (for more, use PostgreSQL through database.secretName)")
@ValidationRule(
    value =
        "!(("
            + CachedServicePairSpec.MENU_EMBEDDED
            + ") || ("
            + CachedServicePairSpec.ORDER_EMBEDDED
            + ")) || (has(self.rollout) && self.rollout.strategy == 'Recreate')",
    fieldPath = ".rollout.strategy",
    message =
        "an embedded database cannot be rolled with a surge pod (the new pod could not open the"
            + " file the old one holds): set rollout.strategy: Recreate, which stops the service"
            + " briefly on every change, or use PostgreSQL through database.secretName")
public class CachedServicePairSpec {

  /** CEL: menu runs the embedded H2 (no Secret named). */
  static final String MENU_EMBEDDED =
      "!has(self.menu.database) || !has(self.menu.database.secretName)";

  /** CEL: order runs the embedded H2 (no Secret named). */
  static final String ORDER_EMBEDDED =
      "!has(self.order.database) || !has(self.order.database.secretName)";

  @JsonPropertyDescription(
      "Coherence cluster name both services join (COHERENCE_CLUSTER). Defaults to the resource"
          + " name; cannot change once set, since members of two names never form one cluster.")
  @ValidationRule(value = "self == oldSelf", message = "clusterName is immutable")
  private String clusterName;

  @JsonPropertyDescription("The shared dish cache and its contract version.")
  @Required
  private CacheSpec cache;

  @JsonPropertyDescription("menu-service: owns the dishes, writes them to its DB and the cache.")
  @Required
  private ServiceSpec menu;

  @JsonPropertyDescription("order-service: takes orders and reads dishes from the cache.")
  @Required
  private OrderServiceSpec order;

  @JsonPropertyDescription("How changes are rolled out.")
  private RolloutSpec rollout = new RolloutSpec();

  @JsonPropertyDescription("Who may scrape the services' metrics.")
  private MonitoringSpec monitoring;

  @JsonPropertyDescription(
      "Cluster TLS (a Secret in cert-manager's layout) and the identity provider's keys for the"
          + " services' bearer tokens.")
  private SecuritySpec security;

  public String getClusterName() {
    return clusterName;
  }

  public void setClusterName(String clusterName) {
    this.clusterName = clusterName;
  }

  public CacheSpec getCache() {
    return cache;
  }

  public void setCache(CacheSpec cache) {
    this.cache = cache;
  }

  public ServiceSpec getMenu() {
    return menu;
  }

  public void setMenu(ServiceSpec menu) {
    this.menu = menu;
  }

  public OrderServiceSpec getOrder() {
    return order;
  }

  public void setOrder(OrderServiceSpec order) {
    this.order = order;
  }

  public RolloutSpec getRollout() {
    return rollout;
  }

  public void setRollout(RolloutSpec rollout) {
    this.rollout = rollout;
  }

  public SecuritySpec getSecurity() {
    return security;
  }

  public void setSecurity(SecuritySpec security) {
    this.security = security;
  }

  public MonitoringSpec getMonitoring() {
    return monitoring;
  }

  public void setMonitoring(MonitoringSpec monitoring) {
    this.monitoring = monitoring;
  }

  /** The monitoring section, never null. */
  public MonitoringSpec monitoringOrDefault() {
    return monitoring == null ? new MonitoringSpec() : monitoring;
  }

  /** The rollout section, never null. */
  public RolloutSpec rolloutOrDefault() {
    return rollout == null ? new RolloutSpec() : rollout;
  }
}
