package io.cachepair.operator.testing;

import io.cachepair.operator.CachedServicePairReconciler;
import io.cachepair.operator.probes.PairSafetyProbe;
import io.cachepair.operator.rollout.RolloutCoordinator;
import io.cachepair.operator.rollout.RolloutPlanner;
import io.cachepair.operator.status.StatusAggregator;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Clock;
import java.time.Duration;

/**
 * The real reconciler run by JOSDK against the fabric8 mock API server, with server-side apply
 * turned off because the mock answers it with 404/415; production keeps it on.
 */
public final class OperatorOnMock implements AutoCloseable {

  /** Prefix of the user agent of every operator started here, so tests can tell its requests. */
  public static final String USER_AGENT = "cachepair-operator";

  /** Namespace of the leader-election Lease, as in {@code manifests/}. */
  public static final String LEASE_NAMESPACE = "cachepair-system";

  /** Short, so a rollout goes on soon after a test makes the pair safe again. */
  private static final Duration SAFETY_RECHECK = Duration.ofMillis(300);

  private final Operator operator;
  private final KubernetesClient ownClient;

  private OperatorOnMock(Operator operator, KubernetesClient ownClient) {
    this.operator = operator;
    this.ownClient = ownClient;
  }

  /** Creates the committed CRD, which tells the CRUD mock that status is a subresource. */
  public static void installCrd(KubernetesClient client) {
    client.resource(Pairs.crd()).create();
  }

  /**
   * Starts an operator watching {@code namespace}.
   *
   * @param planner orders the steps of a rollout
   * @param probe answers the safety and contract checks
   * @param clock the reconciler's clock
   */
  public static OperatorOnMock start(
      KubernetesClient client,
      String namespace,
      RolloutPlanner planner,
      PairSafetyProbe probe,
      Clock clock) {
    return start(client, namespace, planner, probe, clock, null);
  }

  /**
   * Starts an operator that must hold the Lease {@code cachepair-operator} in {@link
   * #LEASE_NAMESPACE} as {@code identity} before it reconciles, with short lease timings.
   */
  public static OperatorOnMock startElecting(
      KubernetesClient client,
      String namespace,
      String identity,
      RolloutPlanner planner,
      PairSafetyProbe probe,
      Clock clock) {
    return start(client, namespace, planner, probe, clock, identity);
  }

  private static OperatorOnMock start(
      KubernetesClient client,
      String namespace,
      RolloutPlanner planner,
      PairSafetyProbe probe,
      Clock clock,
      String identity) {
    KubernetesClient own =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(client.getConfiguration())
                    .withUserAgent(USER_AGENT + "/" + (identity == null ? "single" : identity))
                    .build())
            .build();
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(own)
                  .withCloseClientOnStop(false)
                  .withSSABasedCreateUpdateMatchForDependentResources(false)
                  .withUseSSAToPatchPrimaryResource(false);
              if (identity != null) {
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        "cachepair-operator",
                        LEASE_NAMESPACE,
                        Duration.ofMillis(2000),
                        Duration.ofMillis(1500),
                        Duration.ofMillis(250),
                        identity,
                        null,
                        false));
              }
            });
    operator.register(
        new CachedServicePairReconciler(
            new RolloutCoordinator(planner, probe, SAFETY_RECHECK), new StatusAggregator(), clock),
        c -> c.settingNamespace(namespace));
    operator.start();
    return new OperatorOnMock(operator, own);
  }

  /** Stops the operator; the test's client stays open. */
  @Override
  public void close() {
    operator.stop();
    ownClient.close();
  }
}
