/**
 * The cache contract made explicit: a descriptor of every published version of every cached type,
 * derived from what the serializer actually writes, and the compatibility rules that the build
 * enforces between consecutive versions.
 */
package io.cachepair.contract.schema;
