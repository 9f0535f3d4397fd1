package org.openpleb.devmint;

/** What the fake Lightning node does with the next melt payments. */
public enum MeltOutcome {
  /** The payment succeeds at once; inputs are spent and overpaid fees return as change. */
  SETTLE,
  /** The payment fails; inputs are released and the quote stays UNPAID. */
  FAIL,
  /** The payment hangs; inputs are PENDING until a test settles it. */
  PENDING
}
