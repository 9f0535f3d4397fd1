package org.openpleb.ee.wallet;

/** What a mint quote the server asked for pays, as stored in {@code mint_quotes.purpose}. */
public enum QuotePurpose {
  /** The escrow of an offer funded by Lightning; the purpose id is the offer's id. */
  OFFER,
  /** A Lightning deposit into a session wallet; the purpose id is the deposit's id. */
  DEPOSIT
}
