package org.openpleb.ee.offer;

/**
 * Where the watch over an offer's Lightning invoice stands, as stored in {@code
 * offers.quote_state}.
 */
public enum QuoteWatch {
  /** Not paid yet as far as the server knows; the watcher keeps asking the mint. */
  WATCHING,
  /** Paid and minted as the offer's escrow. */
  MINTED,
  /** Paid after the offer had expired: minted and credited to the maker's wallet. */
  CREDITED,
  /** The invoice expired unpaid. */
  LAPSED,
  /** The mint refused to mint it (it does not know the quote, or someone else minted it). */
  FAILED;

  /** Whether the watcher still works on it. */
  public boolean open() {
    return this == WATCHING;
  }
}
