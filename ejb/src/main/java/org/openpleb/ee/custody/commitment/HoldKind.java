package org.openpleb.ee.custody.commitment;

/**
 * Which hold of an offer a leaf commits to; its {@link #code()} is the byte the leaf hash covers.
 */
public enum HoldKind {
  /** The maker's escrow (the offer's funding), in the maker's wallet. */
  ESCROW(1),
  /** The taker's bond, in the taker's wallet. */
  BOND(2);

  private final int code;

  HoldKind(int code) {
    this.code = code;
  }

  /** The byte that stands for this kind in the leaf hash. */
  public int code() {
    return code;
  }
}
