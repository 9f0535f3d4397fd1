package org.openpleb.cashu.mint;

/**
 * A NUT-04/NUT-23 mint quote as the mint reports it: pay {@code request} (a BOLT11 invoice) and
 * {@code amount} sats can be minted.
 *
 * <p>The quote id is a bearer secret (whoever knows it can mint the paid amount), so it is left out
 * of {@link #toString()}.
 *
 * @param expiry unix seconds after which the invoice cannot be paid; {@code null} if none
 */
public record MintQuoteResponse(
    String quote, String request, long amount, String unit, MintQuoteState state, Long expiry) {

  @Override
  public String toString() {
    return "MintQuoteResponse[amount=" + amount + ", unit=" + unit + ", state=" + state + "]";
  }
}
