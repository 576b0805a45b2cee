package io.cachepair.operator;

import io.cachepair.operator.probes.HttpClusterSafetyProbe;
import io.cachepair.operator.rollout.CompatibilityRolloutPlanner;
import io.cachepair.operator.rollout.RolloutCoordinator;
import io.cachepair.operator.status.StatusAggregator;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Entry point of the operator process: it connects in-cluster or through the kubeconfig (fabric8's
 * usual discovery), elects a leader through a Lease, and serves its health endpoints.
 */
public final class CachePairOperator {

  private CachePairOperator() {}

  public static void main(String[] args) throws IOException {
    OperatorSettings settings = OperatorSettings.fromEnvironment(System.getenv());
    Operator operator =
        new Operator(
            overrider -> {
              if (settings.leaderElection()) {
                overrider.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        settings.leaseName(), settings.leaseNamespace()));
              }
            });
    CachedServicePairReconciler reconciler =
        new CachedServicePairReconciler(
            new RolloutCoordinator(
                new CompatibilityRolloutPlanner(),
                HttpClusterSafetyProbe.inCluster(settings.safetyTimeout())),
            new StatusAggregator(),
            Clock.systemUTC());
    operator.register(
        reconciler,
        configuration -> {
          if (settings.watchNamespaces().isEmpty()) {
            configuration.watchingAllNamespaces();
          } else {
            configuration.settingNamespaces(settings.watchNamespaces());
          }
        });
    operator.installShutdownHook(Duration.ofSeconds(10));
    HealthEndpoints.start(settings.healthPort(), operator.getRuntimeInfo());
    operator.start();
  }
}
