package org.openpleb.cashu.store;

import org.openpleb.cashu.mint.MeltQuoteState;

/** A melt quote the wallet asked for, with the state last observed at the mint. */
public record StoredMeltQuote(
    String quote,
    String request,
    long amount,
    long feeReserve,
    String unit,
    MeltQuoteState state,
    Long expiry,
    String paymentPreimage,
    long updatedAt) {

  @Override
  public String toString() {
    return "StoredMeltQuote[amount="
        + amount
        + ", feeReserve="
        + feeReserve
        + ", state="
        + state
        + "]";
  }
}
