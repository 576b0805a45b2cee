/** Partition-loss events of the dish service, caught from the very start of the service. */
package io.cachepair.contract.loss;
