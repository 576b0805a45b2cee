/** Network resources a test may take: free ports on loopback. */
package io.cachepair.testsupport.net;
