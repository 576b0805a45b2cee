/** Bean Validation for tests of request types, without a Spring context. */
package io.cachepair.testsupport.validation;
