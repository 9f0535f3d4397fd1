package org.openpleb.ee.web.escrow;

/** Which hold of an offer a leaf commits to (the leaf hash's kind byte in brackets). */
public enum EscrowHoldKind {
  /** The maker's escrow (0x01). */
  ESCROW,
  /** The taker's bond (0x02). */
  BOND
}
