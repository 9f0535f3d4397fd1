package org.openpleb.ee.settlement;

/**
 * What each party ends a trade with, in sats, before mint fees: the three parts always add up to
 * what the trade held.
 *
 * @param maker sats that end in the maker's wallet
 * @param taker sats that end in the taker's wallet
 * @param platform sats that end in the treasury
 */
public record Payout(long maker, long taker, long platform) {

  /** Rejects negative parts. */
  public Payout {
    if (maker < 0 || taker < 0 || platform < 0) {
      throw new IllegalArgumentException("a payout part cannot be negative");
    }
  }

  /** The sum of the three parts: what the trade held. */
  public long total() {
    return Math.addExact(Math.addExact(maker, taker), platform);
  }

  /** The part of {@code party}. */
  public long of(Party party) {
    return switch (party) {
      case MAKER -> maker;
      case TAKER -> taker;
      case PLATFORM -> platform;
    };
  }
}
