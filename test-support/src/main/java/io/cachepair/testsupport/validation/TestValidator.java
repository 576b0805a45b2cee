package io.cachepair.testsupport.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * One Bean Validation factory for every test of a JVM: building one costs hundreds of milliseconds,
 * and what it validates is the same for all of them.
 */
public final class TestValidator {

  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

  private TestValidator() {}

  /** The validator the services' requests are checked with. */
  public static Validator get() {
    return FACTORY.getValidator();
  }
}
