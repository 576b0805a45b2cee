package io.cachepair.operator;

import io.cachepair.operator.dependent.Rendering;
import io.cachepair.operator.events.PairEvents;
import io.cachepair.operator.metrics.OperatorMetrics;
import io.cachepair.operator.probes.HttpMemberProbe;
import io.cachepair.operator.probes.MemberProbe;
import io.cachepair.operator.probes.WritePauseClient;
import io.cachepair.operator.rollout.RolloutCoordinator;
import io.cachepair.operator.rollout.UpgradeSlot;
import io.cachepair.operator.rollout.WritePauses;
import io.cachepair.operator.rollout.plan.CompatibilityRolloutPlanner;
import io.cachepair.operator.status.StatusAggregator;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Entry point of the operator process: it connects in-cluster or through the kubeconfig (fabric8's
 * usual discovery), elects a leader through a Lease, and serves its health and metrics endpoints.
 * The wiring is public so tests run the same registration against the mock API server.
 */
public final class CachePairOperator {

  private CachePairOperator() {}

  public static void main(String[] args) throws IOException {
    OperatorSettings settings = OperatorSettings.fromEnvironment(System.getenv());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Operator operator = new Operator(productionConfiguration(settings, registry));
    HttpMemberProbe members =
        HttpMemberProbe.onPodIps(settings.memberTimeout(), settings.memberTokenFile());
    OperatorMetrics metrics = new OperatorMetrics(registry);
    register(
        operator,
        reconciler(
            settings,
            metrics.timed(members),
            members,
            RolloutCoordinator.Timings.defaults(),
            metrics,
            Clock.systemUTC()),
        settings.watchNamespaces());
    operator.installShutdownHook(Duration.ofSeconds(10));
    HealthEndpoints.start(settings.healthPort(), operator.getRuntimeInfo(), registry::scrape);
    operator.start();
  }

  /**
   * The production configuration: server-side apply for dependents and the primary's status,
   * JOSDK's reconcile metrics, and leader election when enabled.
   */
  public static Consumer<ConfigurationServiceOverrider> productionConfiguration(
      OperatorSettings settings, io.micrometer.core.instrument.MeterRegistry registry) {
    return overrider -> {
      overrider
          .withSSABasedCreateUpdateMatchForDependentResources(true)
          .withUseSSAToPatchPrimaryResource(true)
          .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
      if (settings.leaderElection()) {
        overrider.withLeaderElectionConfiguration(
            new LeaderElectionConfiguration(
                settings.leaseName(), settings.operatorNamespace(), settings.identity()));
      }
    };
  }

  /** The reconciler with its collaborators. */
  public static CachedServicePairReconciler reconciler(
      OperatorSettings settings,
      MemberProbe members,
      WritePauseClient writePauses,
      RolloutCoordinator.Timings timings,
      OperatorMetrics metrics,
      Clock clock) {
    return new CachedServicePairReconciler(
        new RolloutCoordinator(
            new CompatibilityRolloutPlanner(),
            members,
            new WritePauses(writePauses, timings.writePauseLease()),
            timings,
            new UpgradeSlot()),
        new StatusAggregator(),
        clock,
        new PairEvents(settings.identity(), clock),
        metrics,
        new Rendering(
            Objects.requireNonNullElse(settings.operatorNamespace(), Rendering.DEFAULT_NAMESPACE)));
  }

  /** Registers the reconciler for {@code namespaces} (empty: every namespace). */
  public static void register(
      Operator operator, CachedServicePairReconciler reconciler, Set<String> namespaces) {
    operator.register(
        reconciler,
        configuration -> {
          if (namespaces.isEmpty()) {
            configuration.watchingAllNamespaces();
          } else {
            configuration.settingNamespaces(namespaces);
          }
        });
  }
}
