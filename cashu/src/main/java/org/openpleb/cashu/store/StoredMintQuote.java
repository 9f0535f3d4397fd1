package org.openpleb.cashu.store;

import org.openpleb.cashu.mint.MintQuoteState;

/**
 * A mint quote the wallet asked for or was told about, with the state last observed at the mint.
 * The quote id is a bearer secret and stays out of {@link #toString()}.
 */
public record StoredMintQuote(
    String quote,
    String request,
    long amount,
    String unit,
    MintQuoteState state,
    Long expiry,
    long updatedAt) {

  @Override
  public String toString() {
    return "StoredMintQuote[amount=" + amount + ", state=" + state + "]";
  }
}
