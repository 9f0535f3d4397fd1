package org.openpleb.ee.custody.commitment;

import java.util.Objects;

/**
 * One step up a branch: the sibling of the node reached so far, and on which side it sits. The
 * parent is {@link MerkleSumTree#parent(SumNode, SumNode)} of the two in that order.
 *
 * @param side {@code LEFT} when the sibling is the left child, {@code RIGHT} when the right
 * @param sibling the sibling's hash and sum
 */
public record BranchStep(Side side, SumNode sibling) {

  /** Where the sibling sits. */
  public enum Side {
    /** The sibling is the left child; the node reached so far the right one. */
    LEFT,
    /** The sibling is the right child. */
    RIGHT
  }

  /** Requires both parts. */
  public BranchStep {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(sibling, "sibling");
  }
}
