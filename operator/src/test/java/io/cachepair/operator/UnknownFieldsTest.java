package io.cachepair.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {

  @Test
  void of_typoInNestedField_isReported() {
    Object parsed =
        new KubernetesSerialization()
            .unmarshal(
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n"
                    + "spec:\n  publishNotReadyAdresses: true\n");

    assertThat(UnknownFields.of(parsed))
        .singleElement()
        .asString()
        .contains("publishNotReadyAdresses");
  }
}
