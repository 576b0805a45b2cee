package io.cachepair.testsupport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonBodiesTest {

  private static String order() {
    return "{\"customerId\":\"c-1\",\"items\":[{\"dishId\":\"miso-soup\",\"quantity\":2}]}";
  }

  @Test
  void with_setsANestedMemberToARawValue() {
    assertThat(JsonBodies.with(order(), "/items/0/quantity", "1.5"))
        .isEqualTo(
            "{\"customerId\":\"c-1\",\"items\":[{\"dishId\":\"miso-soup\",\"quantity\":1.5}]}");
  }

  @Test
  void with_addsAMember_andNullRemovesOne() {
    assertThat(JsonBodies.with(order(), "/note", "{}")).endsWith(",\"note\":{}}");
    assertThat(JsonBodies.with(order(), "/customerId", null)).startsWith("{\"items\":");
  }

  @Test
  void with_replacesOrRemovesAnArrayElement() {
    assertThat(JsonBodies.with(order(), "/items/0", "null")).contains("\"items\":[null]");
    assertThat(JsonBodies.with(order(), "/items/0", null)).contains("\"items\":[]");
  }

  @Test
  void with_missingParent_fails() {
    assertThatThrownBy(() -> JsonBodies.with(order(), "/lines/0/quantity", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no object or array at /lines/0");
  }
}
