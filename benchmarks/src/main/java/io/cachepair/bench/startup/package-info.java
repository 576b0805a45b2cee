/** How long a menu takes from JVM launch to ready with N dishes in its database, split by phase. */
package io.cachepair.bench.startup;
