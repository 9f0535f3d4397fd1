package org.openpleb.ee.offer;

import org.openpleb.ee.settlement.Outcome;

/**
 * The admin's decision on a dispute, with OpenPleb's names (spec §3.2); the platform fee is kept on
 * every path.
 */
public enum Resolution {
  /** The maker gets S + T + 2B: escrow and both bonds, less the platform fee. */
  MAKER_WINS(Outcome.MAKER_WINS),
  /** The taker gets S + T + 2B. */
  TAKER_WINS(Outcome.TAKER_WINS),
  /** Maker and taker get half of S + T + 2B each, rounded down. */
  SPLIT(Outcome.SPLIT),
  /** Each party gets its own stake back: the maker S + T + B, the taker B. */
  RETURN(Outcome.RETURNED);

  private final Outcome outcome;

  Resolution(Outcome outcome) {
    this.outcome = outcome;
  }

  /** The payout-table row this resolution settles by. */
  public Outcome outcome() {
    return outcome;
  }
}
