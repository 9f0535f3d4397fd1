package org.openpleb.client.offer;

/** How a trade ended, as far as money is concerned: one row of the payout table. */
public enum Outcome {
  /** Expired before any funds were held. */
  NOTHING_HELD,

  /** Funded but nobody claimed it in time: the maker gets everything back. */
  UNCLAIMED,

  /** The maker approved the receipt. */
  APPROVED,

  /** The maker stayed silent after the receipt: approved by default. */
  AUTO_APPROVED,

  /** The taker posted no receipt in time; the taker's bond is forfeited. */
  NO_RECEIPT,

  /** The taker did not answer the maker's issue in time; the bond is forfeited. */
  ISSUE_UNANSWERED,

  /** The taker gave up after the maker's issue; the bond is forfeited. */
  FORFEITED,

  /** Admin resolution RETURN. */
  RETURNED,

  /** Admin resolution MAKER_WINS. */
  MAKER_WINS,

  /** Admin resolution TAKER_WINS. */
  TAKER_WINS,

  /** Admin resolution SPLIT. */
  SPLIT
}
