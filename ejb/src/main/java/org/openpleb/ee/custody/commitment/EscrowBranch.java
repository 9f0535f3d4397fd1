package org.openpleb.ee.custody.commitment;

import java.util.List;
import java.util.Objects;

/**
 * What a party needs to check one hold of its offer against a published root: the leaf (with its
 * salt and the {@code Y} of every backing proof) and its siblings up to the root.
 *
 * @param leaf the hold's leaf
 * @param leafHash the leaf's hash (what {@link EscrowLeaf#node()} computes), for convenience
 * @param branch the siblings from the leaf up, as {@link MerkleSumTree} lays them out
 */
public record EscrowBranch(EscrowLeaf leaf, String leafHash, List<BranchStep> branch) {

  /** Requires every part. */
  public EscrowBranch {
    Objects.requireNonNull(leaf, "leaf");
    Objects.requireNonNull(leafHash, "leafHash");
    branch = List.copyOf(branch);
  }
}
