package io.cachepair.member;

import io.cachepair.contract.CacheNames;
import io.cachepair.contract.MemberContract;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Gives every member service its embedded defaults: a Coherence cluster of its own on 127.0.0.1
 * with every socket on loopback, the pair's cache configuration, Coherence logging through Spring,
 * Coherence management local and read-only, readiness and liveness groups on a management port of
 * their own, health details only for authorized callers, graceful shutdown, error bodies without
 * internals, the cluster's TLS files ({@link ClusterTls}) and the JVM's deserialization filter
 * ({@link SerialFilter}).
 *
 * <p>These are the lowest-precedence properties: application properties, {@code COHERENCE_*} /
 * {@code CACHEPAIR_*} environment variables and system properties all override them, which is how
 * Kubernetes points members at the WKA Service instead. The one property it owns is {@code
 * coherence.role}, which always carries this build's contract (see {@link AnnouncedRole}).
 */
public class MemberDefaults implements EnvironmentPostProcessor {

  static final String SOURCE_NAME = "cachepairMemberDefaults";
  static final String ROLE_SOURCE_NAME = "cachepairMemberRole";
  static final String TLS_SOURCE_NAME = "cachepairClusterTls";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("coherence.cluster", "cachepair-local");
    defaults.put("coherence.clusterport", "7574");
    defaults.put("coherence.wka", "127.0.0.1");
    defaults.put("coherence.localhost", "127.0.0.1");
    defaults.put("coherence.discovery.address", "127.0.0.1");
    defaults.put("coherence.management.remote.host", "127.0.0.1");
    // Coherence's own health HTTP proxy is always on; without this it listens on 0.0.0.0
    defaults.put("coherence.health.http.address", "127.0.0.1");
    defaults.put("coherence.ttl", "0");
    // A hung member (a long pause, a frozen node, a silent network drop) is removed after the
    // packet delivery timeout, 10 s instead of Coherence's 300 s; a JVM pausing longer than that
    // (a full GC) is removed too and rejoins. The guardian waits longer than that, so a healthy
    // member whose service thread waits on the hung one is never the one recycled.
    defaults.put("coherence.publisher.delivery.timeout", "10000");
    defaults.put("coherence.guard.timeout", "30000");
    defaults.put("coherence.sessions.server[0].config", CacheNames.CACHE_CONFIG);
    defaults.put("coherence.logging.destination", "slf4j");
    defaults.put("management.endpoint.health.probes.enabled", "true");
    // Coherence management: local MBeans only, read-only; nothing to reach from another member.
    // local-only, not the default "dynamic": there the senior member starts a JMX connector
    // server (RMI, unauthenticated) bound to every interface, whatever the remote host says
    // (NetworkPolicyRealPortsIT found it on the pod address).
    defaults.put("coherence.management", "local-only");
    defaults.put("coherence.management.remote", "false");
    defaults.put("coherence.management.readonly", "true");
    // Actuator on a port of its own (9080 on Kubernetes; the launcher passes API port + 1000).
    defaults.put("management.server.port", "9080");
    // Health details (why a pod is not ready) only for a token with cluster:read; probes stay open.
    defaults.put("management.endpoint.health.show-details", "when-authorized");
    defaults.put("management.endpoint.health.show-components", "when-authorized");
    defaults.put("management.endpoint.health.roles", "SCOPE_cluster:read");
    defaults.put("management.endpoint.health.group.readiness.show-details", "when-authorized");
    defaults.put("management.endpoint.health.group.readiness.roles", "SCOPE_cluster:read");
    defaults.put("management.endpoint.health.group.liveness.include", "livenessState");
    defaults.put(
        "management.endpoint.health.group.readiness.include", "readinessState,dishReplica");
    defaults.put(
        "management.endpoints.web.exposure.include",
        "health,info,prometheus,metrics,cachepair,writepause");
    defaults.put("server.shutdown", "graceful");
    defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
    defaults.put("server.error.include-stacktrace", "never");
    defaults.put("server.error.include-message", "never");
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    environment.getPropertySources().addFirst(new AnnouncedRole(environment));
    ClusterTls.from(environment)
        .ifPresent(
            tls ->
                environment
                    .getPropertySources()
                    .addAfter(ROLE_SOURCE_NAME, new MapPropertySource(TLS_SOURCE_NAME, tls)));
    SerialFilter.install();
    // Coherence keeps UDP on 0.0.0.0 under IPv6 dual-stack; the recipe needs IPv4 only.
    if (System.getProperty("java.net.preferIPv4Stack") == null) {
      System.setProperty("java.net.preferIPv4Stack", "true");
    }
  }

  /**
   * Resolves {@code coherence.role} when Coherence asks for it (not when the environment is
   * prepared, so properties added later still count): the functional role, i.e. the first token of
   * {@code cachepair.member.role} or else of {@code coherence.role} from any other source, followed
   * by this build's contract, so other members can check it before this one stores anything.
   */
  static final class AnnouncedRole extends PropertySource<Object> {

    // The environment's attached "configurationProperties" source wraps this one too.
    private final ThreadLocal<Boolean> resolving = ThreadLocal.withInitial(() -> false);

    // Not the source object: Boot would iterate an environment-valued source recursively.
    private final ConfigurableEnvironment environment;

    AnnouncedRole(ConfigurableEnvironment environment) {
      super(ROLE_SOURCE_NAME, new Object());
      this.environment = environment;
    }

    @Override
    public Object getProperty(String name) {
      if (!"coherence.role".equals(name) || resolving.get()) {
        return null;
      }
      resolving.set(true);
      try {
        String configured = environment.getProperty("cachepair.member.role");
        if (configured == null) {
          configured = environment.getProperty(name);
        }
        String role = configured == null ? "" : configured.split(",", 2)[0].trim();
        return MemberContract.current().roleName(role.isEmpty() ? "member" : role);
      } finally {
        resolving.remove();
      }
    }
  }
}
