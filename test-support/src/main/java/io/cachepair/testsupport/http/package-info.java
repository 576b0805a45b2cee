/** A small JSON-over-HTTP client for the services' APIs on 127.0.0.1. */
package io.cachepair.testsupport.http;
