/** Coherence clusters of a test's own, pinned to loopback (DESIGN §5). */
package io.cachepair.testsupport.cluster;
