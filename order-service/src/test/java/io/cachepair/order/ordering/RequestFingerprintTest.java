package io.cachepair.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

  private static PlaceOrderRequest request(
      String customerId, String dishId, int quantity, Long expected) {
    return new PlaceOrderRequest(
        customerId, List.of(new PlaceOrderRequest.Item(dishId, quantity, expected)));
  }

  private static final PlaceOrderRequest BASE = request("c-42", "spicy-tuna-roll", 2, null);

  @Test
  void equalRequests_haveTheSameFingerprint() {
    assertThat(RequestFingerprint.of(request("c-42", "spicy-tuna-roll", 2, null)))
        .isEqualTo(RequestFingerprint.of(BASE))
        .hasSize(64)
        .matches("[0-9a-f]{64}");
  }

  @Test
  void anyDifferentField_changesTheFingerprint() {
    String base = RequestFingerprint.of(BASE);

    assertThat(RequestFingerprint.of(request("c-43", "spicy-tuna-roll", 2, null)))
        .isNotEqualTo(base);
    assertThat(RequestFingerprint.of(request("c-42", "miso-soup", 2, null))).isNotEqualTo(base);
    assertThat(RequestFingerprint.of(request("c-42", "spicy-tuna-roll", 3, null)))
        .isNotEqualTo(base);
    assertThat(RequestFingerprint.of(request("c-42", "spicy-tuna-roll", 2, 1250L)))
        .isNotEqualTo(base);
  }

  @Test
  void absentAndZeroExpectedPrice_differ() {
    assertThat(RequestFingerprint.of(request("c-42", "a", 1, 0L)))
        .isNotEqualTo(RequestFingerprint.of(request("c-42", "a", 1, null)));
  }

  @Test
  void lineOrder_counts() {
    var a = new PlaceOrderRequest.Item("a", 1, null);
    var b = new PlaceOrderRequest.Item("b", 1, null);

    assertThat(RequestFingerprint.of(new PlaceOrderRequest("c", List.of(a, b))))
        .isNotEqualTo(RequestFingerprint.of(new PlaceOrderRequest("c", List.of(b, a))));
  }

  @Test
  void valuesThatConcatenateAlike_doNotCollide() {
    // Without length prefixes "c|1" + "x" and "c" + "1|x" could canonicalize the same way.
    assertThat(RequestFingerprint.of(request("c|1:x", "d", 1, null)))
        .isNotEqualTo(RequestFingerprint.of(request("c", "x|1:d", 1, null)));
  }
}
