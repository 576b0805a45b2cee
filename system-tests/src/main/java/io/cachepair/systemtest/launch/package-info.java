/**
 * Starts the packaged service jars as separate OS processes on 127.0.0.1 and drives them from
 * outside: start, await ready, kill -9, restart, stop. Shared by the system tests and benchmarks.
 */
package io.cachepair.systemtest.launch;
