package org.openpleb.ee.web.escrow;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.custody.commitment.OfferEscrowProof;

/**
 * An offer's holds in the latest escrow commitment, each with its branch to the root.
 *
 * @param offerId the offer
 * @param algorithm how the leaf and parent hashes are computed
 * @param commitment the commitment the branches lead to
 * @param holds the offer's leaves, escrow before bond; empty when it held nothing then
 */
@Schema(
    name = "EscrowProof",
    requiredProperties = {"offerId", "algorithm", "commitment", "holds"},
    description =
        "An offer's holds in the latest escrow commitment, escrow before bond, each with its"
            + " branch; holds is empty when the offer held nothing when the commitment was built.")
public record EscrowProofView(
    @Schema(required = true, description = "The offer.") String offerId,
    @Schema(required = true, description = "How the leaf and parent hashes are computed.")
        String algorithm,
    @Schema(required = true, description = "The commitment the branches lead to.")
        EscrowCommitmentView commitment,
    // no @Schema on the list: Payara's scanner then loses its item type
    List<EscrowHoldView> holds) {

  /** The hash rules, as a client applies them (big-endian integers, hex decoded to bytes). */
  static final String ALGORITHM =
      "leaf = sha256(0x00 || salt[32] || u16(len(utf8(offerId))) || utf8(offerId) || kind[1:"
          + " ESCROW 0x01, BOND 0x02] || u64(amount) || u32(n) || n x (Y[33] || u64(amount)));"
          + " parent = sha256(0x01 || left.hash[32] || u64(left.sum) || right.hash[32] ||"
          + " u64(right.sum)), sum = left.sum + right.sum; fold the branch from the leaf"
          + " (side LEFT: the sibling is the left child) to the root";

  static EscrowProofView of(OfferEscrowProof proof) {
    return new EscrowProofView(
        proof.offerId(),
        ALGORITHM,
        EscrowCommitmentView.of(proof.commitment()),
        proof.holds().stream().map(EscrowHoldView::of).toList());
  }
}
