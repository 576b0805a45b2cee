/**
 * Child JVMs of a test run — the packaged service jars and plain Coherence members — started,
 * killed with {@code kill -9}, restarted, and never left running: every one is registered and
 * killed by PID at the end.
 */
package io.cachepair.testsupport.process;
