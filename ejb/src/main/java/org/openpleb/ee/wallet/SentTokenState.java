package org.openpleb.ee.wallet;

/** Where a token handed out of a session wallet stands. */
public enum SentTokenState {
  /** Out, and not known to be redeemed: its owner may list and reclaim it. */
  UNCLAIMED,
  /** The mint reports its proofs spent: whoever held it redeemed it. */
  CLAIMED,
  /** Its owner took it back into the wallet it came from. */
  RECLAIMED
}
