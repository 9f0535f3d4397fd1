package org.openpleb.ee.settlement;

/**
 * How a trade ended, as far as money is concerned: each outcome is one row of OpenPleb's payout
 * table (spec §5.5).
 */
public enum Outcome {
  /** Expired before any funds were held (from CREATED or INVOICE_CREATED). */
  NOTHING_HELD(false),
  /** Funded but nobody claimed it before its deadline: the maker gets everything back. */
  UNCLAIMED(false),
  /** The maker approved the receipt. */
  APPROVED(true),
  /** The maker stayed silent after the receipt: approved by default. */
  AUTO_APPROVED(true),
  /** The taker posted no receipt in time; the taker's bond is forfeited. */
  NO_RECEIPT(true),
  /** The taker did not answer the maker's issue in time; the taker's bond is forfeited. */
  ISSUE_UNANSWERED(true),
  /** The taker gave up after the maker's issue; the taker's bond is forfeited. */
  FORFEITED(true),
  /** Admin resolution RETURN: both parties get their stakes back, the platform keeps its fee. */
  RETURNED(true),
  /** Admin resolution MAKER_WINS: the maker takes everything but the platform fee. */
  MAKER_WINS(true),
  /** Admin resolution TAKER_WINS: the taker takes everything but the platform fee. */
  TAKER_WINS(true),
  /** Admin resolution SPLIT: maker and taker share, the odd sat goes to the platform. */
  SPLIT(true);

  private final boolean claimed;

  Outcome(boolean claimed) {
    this.claimed = claimed;
  }

  /** Whether a taker's bond is part of what is shared out. */
  public boolean claimed() {
    return claimed;
  }

  /** Whether the taker's bond is forfeited by the taker's own failure. */
  public boolean forfeitsTakerBond() {
    return this == NO_RECEIPT || this == ISSUE_UNANSWERED || this == FORFEITED;
  }
}
