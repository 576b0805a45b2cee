package io.cachepair.operator.probes;

import io.cachepair.operator.api.v1alpha1.ServiceRole;

/**
 * A pod of the pair as the operator addresses it: the probes talk to the pod's own IP, not to a
 * Service that routes to any ready pod, so every member answers for itself.
 *
 * @param name pod name
 * @param ip pod IP, or {@code null} before the kubelet assigned one
 * @param role the service the pod belongs to
 * @param ready whether its readiness probe passes
 */
public record MemberPod(String name, String ip, ServiceRole role, boolean ready) {}
