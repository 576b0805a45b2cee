/**
 * The {@code cachepair.io/v1alpha1} API: the {@code CachedServicePair} custom resource, its spec
 * and its status, from which the CRD in {@code crds/} is generated.
 */
package io.cachepair.operator.api.v1alpha1;
