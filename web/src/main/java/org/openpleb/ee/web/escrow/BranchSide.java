package org.openpleb.ee.web.escrow;

/** Where a branch step's sibling sits: the left or the right child of the parent. */
public enum BranchSide {
  /** The sibling is the left child. */
  LEFT,
  /** The sibling is the right child. */
  RIGHT
}
