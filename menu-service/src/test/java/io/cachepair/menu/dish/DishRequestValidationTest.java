package io.cachepair.menu.dish;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.testsupport.validation.TestValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DishRequestValidationTest {

  private static final Validator validator = TestValidator.get();

  private static DishRequest tunaRoll() {
    return new DishRequest(null, "Spicy Tuna Roll", null, "sushi", 1250L, "EUR", null);
  }

  private static List<String> violations(DishRequest request) {
    return validator.validate(request).stream()
        .map((ConstraintViolation<DishRequest> v) -> v.getPropertyPath() + ": " + v.getMessage())
        .sorted()
        .toList();
  }

  @Test
  void validDish_hasNoViolations_andIsAvailableByDefault() {
    assertThat(violations(tunaRoll())).isEmpty();
    assertThat(tunaRoll().isAvailable()).isTrue();
  }

  @Test
  void blankName_namesTheField() {
    var request = new DishRequest(null, "  ", null, null, 100L, "EUR", null);
    assertThat(violations(request)).containsExactly("name: must not be blank");
  }

  @Test
  void negativePrice_namesTheField() {
    var request = new DishRequest(null, "Miso Soup", null, null, -1L, "EUR", null);
    assertThat(violations(request))
        .containsExactly("priceCents: must be greater than or equal to 0");
  }

  @Test
  void missingPriceAndCurrency_nameBothFields() {
    var request = new DishRequest(null, "Miso Soup", null, null, null, null, null);
    assertThat(violations(request))
        .containsExactly("currency: must not be null", "priceCents: must not be null");
  }

  @Test
  void unknownCurrency_namesFieldAndValue() {
    var request = new DishRequest(null, "Miso Soup", null, null, 450L, "XYZ", null);
    assertThat(violations(request))
        .containsExactly("currency: 'XYZ' is not an ISO 4217 currency code (e.g. EUR)");
  }

  @Test
  void lowercaseCurrency_isNotAnIsoCode() {
    var request = new DishRequest(null, "Miso Soup", null, null, 450L, "eur", null);
    assertThat(violations(request)).singleElement().asString().startsWith("currency: 'eur'");
  }

  @Test
  void currencyMessage_doesNotInterpolateClientInput() {
    var request = new DishRequest(null, "Miso Soup", null, null, 450L, "${1+1}", null);
    assertThat(violations(request))
        .containsExactly("currency: is not an ISO 4217 currency code (e.g. EUR)");
  }

  @Test
  void idThatIsNotASlug_namesTheField() {
    var request = new DishRequest("Spicy Tuna", "Spicy Tuna", null, null, 450L, "EUR", null);
    assertThat(violations(request))
        .containsExactly(
            "id: must be lowercase letters and digits in words joined by single hyphens");
  }

  @Test
  void tooLongName_namesTheField() {
    var request = new DishRequest(null, "x".repeat(201), null, null, 450L, "EUR", null);
    assertThat(violations(request)).containsExactly("name: size must be between 0 and 200");
  }
}
