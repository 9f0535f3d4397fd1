package org.openpleb.ee.custody;

/**
 * A proof picked for a NUT-07 check, without its secret.
 *
 * @param walletId the wallet file it is in
 * @param y its {@code Y}, what the mint is asked about
 * @param amount its sats
 * @param state its state in the file ({@code ready}, {@code reserved} or {@code spent})
 * @param owner its reservation owner, if reserved
 * @param operationId the operation that created it (ready, reserved) or used it (spent)
 */
record SampledProof(
    String walletId, String y, long amount, String state, String owner, String operationId) {}
