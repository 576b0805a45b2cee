/** Verified callers for the services' slice tests. */
package io.cachepair.testsupport.security;
