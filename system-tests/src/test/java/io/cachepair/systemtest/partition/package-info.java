/**
 * What the partition scenarios record while a member is cut off: every order answer per replica,
 * and what each member said about itself (readiness, members it sees, its view) over time.
 */
package io.cachepair.systemtest.partition;
