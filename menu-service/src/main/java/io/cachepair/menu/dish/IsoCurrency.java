package io.cachepair.menu.dish;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Requires an ISO 4217 currency code that {@link java.util.Currency} knows (null is accepted). */
@Documented
@Constraint(validatedBy = IsoCurrencyValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCurrency {

  String message() default "'{value}' is not an ISO 4217 currency code (e.g. EUR)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
