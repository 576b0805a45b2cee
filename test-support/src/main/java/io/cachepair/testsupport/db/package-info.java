/** Real databases for tests: PostgreSQL as in production, one server per test JVM. */
package io.cachepair.testsupport.db;
