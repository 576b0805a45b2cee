package io.cachepair.operator.testing;

import io.cachepair.operator.CachePairOperator;
import io.cachepair.operator.OperatorSettings;
import io.cachepair.operator.metrics.OperatorMetrics;
import io.cachepair.operator.rollout.RolloutCoordinator;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The production wiring ({@link CachePairOperator}) run by JOSDK against the fabric8 mock API
 * server, with server-side apply turned off because the mock answers it with 404/415, members
 * played by {@link FakeMembers}, and short timings.
 */
public final class OperatorOnMock implements AutoCloseable {

  /** Prefix of the user agent of every operator started here, so tests can tell its requests. */
  public static final String USER_AGENT = "cachepair-operator";

  /** Namespace of the leader-election Lease and of the operator, as in {@code manifests/}. */
  public static final String LEASE_NAMESPACE = "cachepair-system";

  /** Short, so a rollout goes on soon after a test makes the pair safe again. */
  public static final RolloutCoordinator.Timings TIMINGS =
      new RolloutCoordinator.Timings(
          Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(3));

  private final Operator operator;
  private final KubernetesClient ownClient;
  private final PrometheusMeterRegistry registry;

  private OperatorOnMock(
      Operator operator, KubernetesClient ownClient, PrometheusMeterRegistry registry) {
    this.operator = operator;
    this.ownClient = ownClient;
    this.registry = registry;
  }

  /** Creates the committed CRD, which tells the CRUD mock that status is a subresource. */
  public static void installCrd(KubernetesClient client) {
    client.resource(Pairs.crd()).create();
  }

  /** Starts an operator watching {@code namespace}, without leader election. */
  public static OperatorOnMock start(
      KubernetesClient client, String namespace, FakeMembers members, Clock clock) {
    return start(client, namespace, members, clock, null, TIMINGS);
  }

  /** Starts an operator with other timings. */
  public static OperatorOnMock start(
      KubernetesClient client,
      String namespace,
      FakeMembers members,
      Clock clock,
      RolloutCoordinator.Timings timings) {
    return start(client, namespace, members, clock, null, timings);
  }

  /**
   * Starts an operator that must hold the Lease {@code cachepair-operator} in {@link
   * #LEASE_NAMESPACE} as {@code identity} before it reconciles, with short lease timings.
   */
  public static OperatorOnMock startElecting(
      KubernetesClient client,
      String namespace,
      String identity,
      FakeMembers members,
      Clock clock) {
    return start(client, namespace, members, clock, identity, TIMINGS);
  }

  private static OperatorOnMock start(
      KubernetesClient client,
      String namespace,
      FakeMembers members,
      Clock clock,
      String identity,
      RolloutCoordinator.Timings timings) {
    KubernetesClient own =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(client.getConfiguration())
                    .withUserAgent(USER_AGENT + "/" + (identity == null ? "single" : identity))
                    .build())
            .build();
    OperatorSettings settings =
        new OperatorSettings(
            Set.of(namespace),
            LEASE_NAMESPACE,
            "cachepair-operator",
            false,
            0,
            Duration.ofSeconds(1),
            identity == null ? "operator-on-mock" : identity,
            null);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Operator operator =
        new Operator(
            o -> {
              CachePairOperator.productionConfiguration(settings, registry).accept(o);
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
    OperatorMetrics metrics = new OperatorMetrics(registry);
    CachePairOperator.register(
        operator,
        CachePairOperator.reconciler(
            settings, metrics.timed(members), members, timings, metrics, clock),
        Set.of(namespace));
    operator.start();
    return new OperatorOnMock(operator, own, registry);
  }

  /** The operator's meters (JOSDK's and its own) as {@code /metrics} serves them. */
  public String scrape() {
    return registry.scrape();
  }

  /** Stops the operator; the test's client stays open. */
  @Override
  public void close() {
    operator.stop();
    ownClient.close();
  }
}
