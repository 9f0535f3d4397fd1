package org.openpleb.ee.settlement;

import java.util.Objects;
import org.openpleb.ee.pricing.PriceQuote;

/**
 * OpenPleb's payout table (spec §5.5) over an offer's frozen amounts: S sats, platform fee P, taker
 * fee T and bond B; the maker funded F = S + P + T + B and a taker, once claimed, added B.
 *
 * <p>Kept as OpenPleb has it: expiry refunds return the platform fee, every resolution keeps it,
 * SPLIT halves S + T + 2B rounding down and gives the odd sat to the platform. The one choice the
 * spec leaves open (§14 #15), where a forfeited taker bond goes, is the operator's {@link
 * ForfeitedBondPolicy}.
 */
public final class PayoutTable {

  private final ForfeitedBondPolicy forfeitedBonds;

  /** The table with forfeited taker bonds going where {@code forfeitedBonds} says. */
  public PayoutTable(ForfeitedBondPolicy forfeitedBonds) {
    this.forfeitedBonds = Objects.requireNonNull(forfeitedBonds, "forfeitedBonds");
  }

  /** Where forfeited taker bonds go. */
  public ForfeitedBondPolicy forfeitedBonds() {
    return forfeitedBonds;
  }

  /** What the trade holds at the end: nothing, the maker's funding F, or F plus the taker's B. */
  public static long held(Outcome outcome, PriceQuote q) {
    if (outcome == Outcome.NOTHING_HELD) {
      return 0;
    }
    return outcome.claimed() ? Math.addExact(q.makerFunding(), q.bond()) : q.makerFunding();
  }

  /** Who gets what for {@code outcome} of an offer with the amounts {@code q}. */
  public Payout payout(Outcome outcome, PriceQuote q) {
    long s = q.sats();
    long p = q.platformFee();
    long t = q.takerFee();
    long b = q.bond();
    long f = q.makerFunding();
    // S + T + 2B: everything but the platform fee once a taker has bonded.
    long stake = Math.addExact(Math.addExact(s, t), Math.multiplyExact(2, b));
    Payout payout =
        switch (outcome) {
          case NOTHING_HELD -> new Payout(0, 0, 0);
          case UNCLAIMED -> new Payout(f, 0, 0);
          case APPROVED, AUTO_APPROVED -> new Payout(b, stake - b, p);
          case NO_RECEIPT, ISSUE_UNANSWERED, FORFEITED ->
              forfeitedBonds == ForfeitedBondPolicy.PLATFORM
                  ? new Payout(f, 0, b)
                  : new Payout(f + b, 0, 0);
          case RETURNED -> new Payout(stake - b, b, p);
          case MAKER_WINS -> new Payout(stake, 0, p);
          case TAKER_WINS -> new Payout(0, stake, p);
          // floor for each half; the odd sat, if any, stays with the platform
          case SPLIT -> new Payout(stake / 2, stake / 2, p + stake % 2);
        };
    if (payout.total() != held(outcome, q)) {
      throw new IllegalStateException("payout of " + outcome + " does not add up");
    }
    return payout;
  }
}
