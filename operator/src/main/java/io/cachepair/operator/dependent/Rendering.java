package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * What the dependents need to know about the operator itself, handed to them through the workflow
 * context: the namespace it runs in (the NetworkPolicy admits its pods to the management port).
 *
 * @param operatorNamespace namespace of the operator's pods
 */
public record Rendering(String operatorNamespace) {

  /** Key of the rendering in the workflow context. */
  public static final String KEY = "cachepair.rendering";

  /** Label of the operator's own pods, as in {@code manifests/operator-deployment.yaml}. */
  public static final String OPERATOR_POD_NAME = "cachepair-operator";

  /** The namespace of {@code manifests/}. */
  public static final String DEFAULT_NAMESPACE = "cachepair-system";

  /** The rendering the reconciler put in the context, or the default. */
  public static Rendering of(Context<CachedServicePair> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .get(KEY, Rendering.class)
        .orElse(new Rendering(DEFAULT_NAMESPACE));
  }
}
