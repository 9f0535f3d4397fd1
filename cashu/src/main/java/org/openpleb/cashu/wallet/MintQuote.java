package org.openpleb.cashu.wallet;

import org.openpleb.cashu.mint.MintQuoteState;

/**
 * A Lightning invoice that, once paid, lets the wallet mint {@code amount} sats of ecash.
 *
 * <p>The quote id is a bearer secret: keep it server-side, never show it to users, and never log
 * it. It is left out of {@link #toString()}.
 *
 * @param invoice the BOLT11 invoice to pay
 * @param expiry unix seconds after which the invoice can no longer be paid; advisory for minting a
 *     quote already paid
 */
public record MintQuote(
    String quoteId, String invoice, long amount, MintQuoteState state, Long expiry) {

  @Override
  public String toString() {
    return "MintQuote[amount=" + amount + ", state=" + state + ", expiry=" + expiry + "]";
  }
}
