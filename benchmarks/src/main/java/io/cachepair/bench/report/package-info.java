/** What a run measured, and how it is shown: the figures, their targets, the JSON and the table. */
package io.cachepair.bench.report;
