package org.openpleb.client.escrow;

/**
 * What a verified escrow proof showed.
 *
 * @param offerId the offer
 * @param commitmentId the commitment its branches lead to
 * @param rootHash that commitment's root
 * @param heldSats the sats of the offer's holds
 * @param proofsChecked how many backing proofs the mint reported UNSPENT (0 for an offline check)
 */
public record EscrowCheck(
    String offerId, String commitmentId, String rootHash, long heldSats, int proofsChecked) {}
