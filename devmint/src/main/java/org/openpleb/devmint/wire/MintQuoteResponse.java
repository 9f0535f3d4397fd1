package org.openpleb.devmint.wire;

/** A mint quote as NUT-04/NUT-23 returns it; {@code expiry} is in unix seconds. */
public record MintQuoteResponse(
    String quote, String request, long amount, String unit, String state, long expiry) {

  @Override
  public String toString() {
    return "MintQuoteResponse[amount=" + amount + ", state=" + state + "]";
  }
}
