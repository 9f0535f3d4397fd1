/**
 * A commitment to the escrow anyone can check: a Merkle-sum tree ({@link MerkleSumTree}) over every
 * hold an offer has in a wallet (the maker's escrow, the taker's bond), each leaf ({@link
 * EscrowLeaf}) naming the offer, the kind of hold, its sats and the NUT-07 {@code Y} of every proof
 * backing it, salted so that a branch reveals nothing about the other offers. {@link
 * EscrowCommitments#publish()} builds and stores one (the reconciliation calls it at the end of
 * every run, {@code org.openpleb.ee.custody.Reconciliation}); the latest root, total and time are
 * public, and a party of an offer is given its leaves with their branches ({@link EscrowBranch}) to
 * recompute the root and ask the mint whether the proofs are unspent.
 */
package org.openpleb.ee.custody.commitment;
