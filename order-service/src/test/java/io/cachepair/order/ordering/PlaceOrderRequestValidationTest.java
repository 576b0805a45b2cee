package io.cachepair.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.testsupport.validation.TestValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceOrderRequestValidationTest {

  private static final Validator validator = TestValidator.get();

  private static List<String> violations(PlaceOrderRequest request) {
    return validator.validate(request).stream()
        .map(v -> v.getPropertyPath() + ": " + v.getMessage())
        .sorted()
        .toList();
  }

  private static PlaceOrderRequest withQuantity(Integer quantity) {
    return new PlaceOrderRequest(
        "c-42", List.of(new PlaceOrderRequest.Item("spicy-tuna-roll", quantity, null)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 99, 100})
  void quantityFromOneToHundred_isValid(int quantity) {
    assertThat(violations(withQuantity(quantity))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void quantityBelowOne_namesTheField(int quantity) {
    assertThat(violations(withQuantity(quantity)))
        .containsExactly("items[0].quantity: must be at least 1");
  }

  @ParameterizedTest
  @ValueSource(ints = {101, 1000, Integer.MAX_VALUE})
  void quantityAboveHundred_namesTheField(int quantity) {
    assertThat(violations(withQuantity(quantity)))
        .containsExactly("items[0].quantity: must be at most 100");
  }

  @Test
  void missingQuantity_namesTheField() {
    assertThat(violations(withQuantity(null)))
        .containsExactly("items[0].quantity: must not be null");
  }

  @Test
  void emptyItems_namesTheField() {
    assertThat(violations(new PlaceOrderRequest("c-42", List.of())))
        .containsExactly("items: must not be empty");
  }

  @Test
  void nullItem_namesItsIndex() {
    List<PlaceOrderRequest.Item> items = new ArrayList<>();
    items.add(null);

    assertThat(violations(new PlaceOrderRequest("c-42", items)))
        .containsExactly("items[0].<list element>: must not be null");
  }

  @Test
  void moreThanHundredLines_namesTheField() {
    var items =
        Collections.nCopies(
            PlaceOrderRequest.MAX_ITEMS + 1, new PlaceOrderRequest.Item("miso-soup", 1, null));

    assertThat(violations(new PlaceOrderRequest("c-42", items)))
        .containsExactly("items: size must be between 0 and 100");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void blankCustomerId_namesTheField(String customerId) {
    var request =
        new PlaceOrderRequest(
            customerId, List.of(new PlaceOrderRequest.Item("spicy-tuna-roll", 1, null)));

    assertThat(violations(request)).containsExactly("customerId: must not be blank");
  }

  @Test
  void blankDishIdAndNegativeExpectedPrice_areBothNamed() {
    var request = new PlaceOrderRequest("c-42", List.of(new PlaceOrderRequest.Item(" ", 1, -5L)));

    assertThat(validator.validate(request).stream().map(ConstraintViolation::getPropertyPath))
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("items[0].dishId", "items[0].expectedUnitPriceCents");
  }
}
