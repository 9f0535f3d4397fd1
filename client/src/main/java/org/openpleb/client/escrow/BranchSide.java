package org.openpleb.client.escrow;

/** Where a branch step's sibling sits. */
public enum BranchSide {
  /** The sibling is the left child; the node reached so far the right one. */
  LEFT,
  /** The sibling is the right child. */
  RIGHT
}
