package org.openpleb.devmint.ledger;

/**
 * What the state file remembers of a keyset; its keys are re-derived from the seed and the index.
 */
record KeysetRecord(int index, long inputFeePpk, boolean active) {}
