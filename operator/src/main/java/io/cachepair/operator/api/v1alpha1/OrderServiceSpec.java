package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;

/**
 * order-service's section of the spec; its replicas are the scale subresource's, so {@code kubectl
 * scale csp food --replicas=3} and a HorizontalPodAutoscaler size order-service.
 */
public class OrderServiceSpec extends ServiceSpec {

  // The scale subresource needs one path: this field hides ServiceSpec's for order only.
  @JsonPropertyDescription(
      "Number of order-service pods (every pod is a storage-enabled Coherence member holding the"
          + " full dish view); the pair's scale subresource (kubectl scale csp) sets it.")
  @Min(1)
  @Default("1")
  @SpecReplicas
  private Integer replicas = 1;

  @Override
  public Integer getReplicas() {
    return replicas;
  }

  @Override
  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }
}
