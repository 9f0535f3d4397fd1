package org.openpleb.client.escrow;

import java.util.List;

/**
 * One hold of an offer as a leaf of the commitment, with its branch.
 *
 * @param kind escrow or bond
 * @param amount the hold's sats
 * @param salt the leaf's salt, lower-case hex (32 bytes)
 * @param proofs the proofs backing it, in the order the leaf hash covers them
 * @param leafHash the leaf hash the server computed
 * @param branch the siblings from the leaf up to the root
 */
public record EscrowHold(
    HoldKind kind,
    long amount,
    String salt,
    List<BackingProof> proofs,
    String leafHash,
    List<BranchStep> branch) {}
