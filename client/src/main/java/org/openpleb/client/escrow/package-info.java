/**
 * Checking the platform's escrow: the latest commitment, an offer's escrow proof, and {@link
 * org.openpleb.client.escrow.EscrowProofVerifier}, which recomputes the Merkle-sum root from a
 * proof's leaves and branches, compares it with the published commitment, and asks the mint
 * (NUT-07) that every proof backing the offer's holds is unspent. It needs nothing from the server
 * but the two answers: a party trusts only SHA-256 and its mint.
 */
package org.openpleb.client.escrow;
