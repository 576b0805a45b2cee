package io.cachepair.menu.dish;

/**
 * What a bulk import did.
 *
 * @param imported how many dishes the request carried and were written
 * @param created how many were new (or re-created after a delete)
 * @param updated how many replaced an existing dish
 */
public record BatchImportResult(int imported, int created, int updated) {}
