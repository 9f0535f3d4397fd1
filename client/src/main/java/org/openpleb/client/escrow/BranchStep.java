package org.openpleb.client.escrow;

/**
 * The sibling met one level up a branch.
 *
 * @param side whether the sibling is the left or the right child
 * @param hash the sibling's hash, lower-case hex
 * @param sum the sibling's sats
 */
public record BranchStep(BranchSide side, String hash, long sum) {}
