package org.openpleb.ee.settlement;

/**
 * Where a taker's bond goes when the taker lets the trade fail (no receipt in time, an issue left
 * unanswered, or a forfeit). OpenPleb keeps it for the platform; an operator may hand it to the
 * maker instead, who was kept waiting.
 */
public enum ForfeitedBondPolicy {
  /** The platform keeps the bond, as OpenPleb does ("penalty claim bond"). */
  PLATFORM,
  /** The maker receives the bond on top of the full refund. */
  MAKER
}
