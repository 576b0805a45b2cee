/**
 * Signed tokens for tests: an RSA key pair per test JVM, JWTs with a subject and scopes, and the
 * key set served on 127.0.0.1 as an identity provider would.
 */
package io.cachepair.testsupport.tokens;
