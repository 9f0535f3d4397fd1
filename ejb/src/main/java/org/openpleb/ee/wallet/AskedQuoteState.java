package org.openpleb.ee.wallet;

/** Where a mint quote the server asked for stands, as stored in {@code mint_quotes.state}. */
public enum AskedQuoteState {
  /** The mint is being asked; the quote is not known yet. */
  ASKING,
  /** The mint answered and the quote is recorded; its offer or deposit does not hold it yet. */
  RECORDED,
  /** Its offer or deposit holds it (committed together): that one's watcher takes it from here. */
  HELD,
  /** Found without its holder and paid: a deposit into its wallet credits it. */
  ADOPTED,
  /** Found without its holder, and its invoice expired unpaid: nobody can pay it any more. */
  LAPSED,
  /** The mint's answer never arrived or was lost with the server: no invoice was handed out. */
  LOST,
  /** Found without its holder, and the mint does not know it or it was minted by someone else. */
  FAILED;

  /** Whether the ledger's sweep still looks at it. */
  public boolean swept() {
    return this == ASKING || this == RECORDED;
  }
}
