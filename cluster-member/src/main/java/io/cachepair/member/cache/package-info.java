/**
 * The dish caches as this member holds them: opened off the startup path, read locally from the
 * view, written through the partitioned cache behind it.
 */
package io.cachepair.member.cache;
