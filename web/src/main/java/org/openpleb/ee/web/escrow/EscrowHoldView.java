package org.openpleb.ee.web.escrow;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.custody.commitment.BranchStep;
import org.openpleb.ee.custody.commitment.EscrowBranch;
import org.openpleb.ee.custody.commitment.EscrowLeaf;

/**
 * One hold of the offer as a leaf of the commitment, with its branch to the root.
 *
 * @param kind the maker's escrow or the taker's bond
 * @param amount the hold's sats: the sum of the proofs' amounts
 * @param salt the leaf's 32-byte salt
 * @param proofs the proofs backing the hold, in the order the leaf hash covers them
 * @param leafHash the leaf's hash
 * @param branch the siblings from the leaf up to the root
 */
@Schema(
    name = "EscrowHold",
    requiredProperties = {"kind", "amount", "salt", "proofs", "leafHash", "branch"},
    description =
        "One hold of the offer as a leaf: kind, amount, salt, the proofs backing it (their Y and"
            + " amount, in hash order), the leaf hash, and the branch: the siblings from the leaf"
            + " up to the root.")
public record EscrowHoldView(
    @Schema(required = true, description = "The maker's escrow or the taker's bond.")
        EscrowHoldKind kind,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            minimum = "1",
            description = "The hold's sats: the sum of the proofs' amounts.")
        long amount,
    @Schema(
            required = true,
            pattern = "^[0-9a-f]{64}$",
            description = "The leaf's 32-byte salt, lower-case hex.")
        String salt,
    // no @Schema on the lists: Payara's scanner then loses their item types
    List<BackingProofView> proofs,
    @Schema(
            required = true,
            pattern = "^[0-9a-f]{64}$",
            description = "The leaf's hash, lower-case hex.")
        String leafHash,
    List<BranchStepView> branch) {

  static EscrowHoldView of(EscrowBranch hold) {
    EscrowLeaf leaf = hold.leaf();
    return new EscrowHoldView(
        EscrowHoldKind.valueOf(leaf.kind().name()),
        leaf.amount(),
        leaf.salt(),
        leaf.proofs().stream().map(p -> new BackingProofView(p.y(), p.amount())).toList(),
        hold.leafHash(),
        hold.branch().stream().map(EscrowHoldView::step).toList());
  }

  private static BranchStepView step(BranchStep step) {
    return new BranchStepView(
        BranchSide.valueOf(step.side().name()), step.sibling().hash(), step.sibling().sum());
  }
}
