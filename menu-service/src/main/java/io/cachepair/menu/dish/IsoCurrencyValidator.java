package io.cachepair.menu.dish;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks {@link IsoCurrency}: three uppercase letters naming a currency of {@link Currency}. */
public class IsoCurrencyValidator implements ConstraintValidator<IsoCurrency, String> {

  private static final Pattern SAFE_TO_ECHO = Pattern.compile("[A-Za-z0-9]{1,10}");

  private static final Set<String> CODES =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Tells whether a code is a known ISO 4217 currency.
   *
   * @param code the code, case-sensitive
   * @return whether {@link Currency} knows it
   */
  public static boolean isKnown(String code) {
    return code != null && CODES.contains(code);
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null || isKnown(value)) {
      return true;
    }
    if (SAFE_TO_ECHO.matcher(value).matches()
        && context instanceof HibernateConstraintValidatorContext hibernate) {
      hibernate.addMessageParameter("value", value);
    } else {
      // anything else could carry an expression the message interpolator would evaluate
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate("is not an ISO 4217 currency code (e.g. EUR)")
          .addConstraintViolation();
    }
    return false;
  }
}
