/**
 * What every test tier of cachepair shares; depends on none of the project's modules, so any of
 * them can use it in test scope.
 */
package io.cachepair.testsupport;
