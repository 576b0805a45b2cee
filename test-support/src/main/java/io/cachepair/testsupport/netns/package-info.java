/**
 * Linux network namespaces for tests that need a host of their own: the ports a service uses on
 * Kubernetes (8080, 9080, 7574, …) free whatever else runs on this machine, an address that is not
 * loopback, hosts entries for Service names, and {@code ss} to see what a process really listens
 * on. Needs root and {@code ip netns}; everything created is removed on close.
 */
package io.cachepair.testsupport.netns;
