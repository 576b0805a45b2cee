package io.cachepair.operator.testing;

import io.cachepair.operator.CachedServicePairReconciler;
import io.cachepair.operator.probes.PairSafetyProbe;
import io.cachepair.operator.rollout.RolloutCoordinator;
import io.cachepair.operator.rollout.RolloutPlanner;
import io.cachepair.operator.status.StatusAggregator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.time.Duration;

/**
 * The real reconciler run by JOSDK against the fabric8 mock API server, with server-side apply
 * turned off because the mock answers it with 404/415; production keeps it on.
 */
public final class OperatorOnMock implements AutoCloseable {

  /** Short, so a rollout goes on soon after a test makes the pair safe again. */
  private static final Duration SAFETY_RECHECK = Duration.ofMillis(300);

  private final Operator operator;

  private OperatorOnMock(Operator operator) {
    this.operator = operator;
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
    Operator operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withUseSSAToPatchPrimaryResource(false));
    operator.register(
        new CachedServicePairReconciler(
            new RolloutCoordinator(planner, probe, SAFETY_RECHECK), new StatusAggregator(), clock),
        c -> c.settingNamespace(namespace));
    operator.start();
    return new OperatorOnMock(operator);
  }

  /** Stops the operator; the client stays open for the test. */
  @Override
  public void close() {
    operator.stop();
  }
}
