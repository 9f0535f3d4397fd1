package org.openpleb.devmint.ledger;

/**
 * A request to mint ecash against a (fake) Lightning invoice. Times are epoch milliseconds of the
 * mint clock; {@code payAt} is when the fake payer pays it, or null if only a test will.
 */
record MintQuote(
    String id,
    String request,
    long amount,
    MintQuoteState state,
    long createdAt,
    long expiresAt,
    Long payAt) {

  MintQuote withState(MintQuoteState next) {
    return new MintQuote(id, request, amount, next, createdAt, expiresAt, payAt);
  }

  @Override
  public String toString() {
    return "MintQuote[amount=" + amount + ", state=" + state + "]";
  }
}
