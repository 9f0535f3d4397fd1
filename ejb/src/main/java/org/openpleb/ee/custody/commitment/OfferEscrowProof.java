package org.openpleb.ee.custody.commitment;

import java.util.List;
import java.util.Objects;

/**
 * An offer's holds in the latest commitment, each with its branch; no branch when the offer held
 * nothing when the commitment was built (not funded yet, or settled).
 *
 * @param offerId the offer
 * @param commitment the commitment the branches lead to
 * @param holds the offer's leaves with their branches, escrow before bond
 */
public record OfferEscrowProof(
    String offerId, EscrowCommitment commitment, List<EscrowBranch> holds) {

  /** Requires every part. */
  public OfferEscrowProof {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(commitment, "commitment");
    holds = List.copyOf(holds);
  }
}
