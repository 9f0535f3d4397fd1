package org.openpleb.client.escrow;

import java.util.List;

/**
 * An offer's holds in the latest escrow commitment ({@code GET /api/offers/{id}/escrow-proof}).
 *
 * @param offerId the offer
 * @param algorithm the hash rules, as text
 * @param commitment the commitment the branches lead to
 * @param holds the offer's leaves with their branches, escrow before bond
 */
public record EscrowProof(
    String offerId, String algorithm, EscrowCommitment commitment, List<EscrowHold> holds) {}
