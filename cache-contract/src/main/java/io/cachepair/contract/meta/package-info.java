/**
 * Records about the dish cache as a whole: when it was last fully loaded and how often partitions
 * were lost and re-seeded. Consumers read them to decide readiness; menus watch them to re-publish.
 */
package io.cachepair.contract.meta;
