package org.openpleb.client.escrow;

/** Which hold of an offer a leaf commits to. */
public enum HoldKind {
  /** The maker's escrow; kind byte 0x01 in the leaf hash. */
  ESCROW,
  /** The taker's bond; kind byte 0x02 in the leaf hash. */
  BOND
}
