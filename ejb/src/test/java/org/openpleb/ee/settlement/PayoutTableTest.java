package org.openpleb.ee.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpleb.ee.pricing.Fee;
import org.openpleb.ee.pricing.FeeSchedule;
import org.openpleb.ee.pricing.FiatAmount;
import org.openpleb.ee.pricing.PriceQuote;

/** OpenPleb's payout table (spec §5.5) on the spec's worked example (§5.6), to the sat. */
class PayoutTableTest {

  /** The .env.example defaults: platform 1 % + 100, taker 2 % + 100, bond 10 % + 500. */
  static final FeeSchedule DEFAULTS =
      new FeeSchedule(
          new Fee(BigDecimal.ONE, 100),
          new Fee(BigDecimal.valueOf(2), 100),
          new Fee(BigDecimal.TEN, 500));

  /** 100,000 KRW at 150,000,000 KRW per bitcoin. */
  static PriceQuote workedExample() {
    long sats =
        new FiatAmount(100_000, Currency.getInstance("KRW"))
            .toSats(BigDecimal.valueOf(150_000_000));
    return DEFAULTS.price(sats);
  }

  private final PayoutTable openPleb = new PayoutTable(ForfeitedBondPolicy.PLATFORM);

  @Test
  void theWorkedExampleIsPricedToTheSat() {
    PriceQuote q = workedExample();

    assertEquals(66_667, q.sats());
    assertEquals(767, q.platformFee());
    assertEquals(1_434, q.takerFee());
    assertEquals(7_167, q.bond());
    assertEquals(76_035, q.makerFunding());
    assertEquals(83_202, PayoutTable.held(Outcome.APPROVED, q));
  }

  @ParameterizedTest(name = "{0}: maker {1}, taker {2}, platform {3}")
  @CsvSource({
    "APPROVED,          7167, 75268,  767",
    "AUTO_APPROVED,     7167, 75268,  767",
    "UNCLAIMED,        76035,     0,    0",
    "NO_RECEIPT,       76035,     0, 7167",
    "ISSUE_UNANSWERED, 76035,     0, 7167",
    "FORFEITED,        76035,     0, 7167",
    "RETURNED,         75268,  7167,  767",
    "MAKER_WINS,       82435,     0,  767",
    "TAKER_WINS,           0, 82435,  767",
    "SPLIT,            41217, 41217,  768",
    "NOTHING_HELD,         0,     0,    0",
  })
  void everyRowOfThePayoutTableHoldsForTheWorkedExample(
      Outcome outcome, long maker, long taker, long platform) {
    assertEquals(new Payout(maker, taker, platform), openPleb.payout(outcome, workedExample()));
  }

  @ParameterizedTest(name = "{0} with the bond to the maker: maker {1}, platform {2}")
  @CsvSource({
    "NO_RECEIPT,       83202, 0",
    "ISSUE_UNANSWERED, 83202, 0",
    "FORFEITED,        83202, 0",
  })
  void aForfeitedBondCanGoToTheMaker(Outcome outcome, long maker, long platform) {
    PayoutTable toMaker = new PayoutTable(ForfeitedBondPolicy.MAKER);

    assertEquals(new Payout(maker, 0, platform), toMaker.payout(outcome, workedExample()));
  }

  @ParameterizedTest
  @EnumSource(
      value = Outcome.class,
      names = {"NO_RECEIPT", "ISSUE_UNANSWERED", "FORFEITED"},
      mode = EnumSource.Mode.EXCLUDE)
  void onlyForfeitsDependOnThePolicy(Outcome outcome) {
    PriceQuote q = workedExample();

    assertEquals(
        openPleb.payout(outcome, q), new PayoutTable(ForfeitedBondPolicy.MAKER).payout(outcome, q));
  }

  @Test
  void aSmallOfferIsDominatedByTheFlatParts() {
    long sats =
        new FiatAmount(10_000, Currency.getInstance("KRW")).toSats(BigDecimal.valueOf(150_000_000));
    PriceQuote q = DEFAULTS.price(sats);

    assertEquals(6_667, q.sats());
    assertEquals(167, q.platformFee());
    assertEquals(234, q.takerFee());
    assertEquals(1_167, q.bond());
    assertEquals(8_235, q.makerFunding());
    assertEquals(new Payout(1_167, 6_667 + 234 + 1_167, 167), openPleb.payout(Outcome.APPROVED, q));
  }

  @Test
  void anEvenSplitLeavesThePlatformItsFeeOnly() {
    // S + T + 2B = 100 + 10 + 2 * 20 = 150 is even
    PriceQuote q = new PriceQuote(100, 5, 10, 20);

    assertEquals(new Payout(75, 75, 5), openPleb.payout(Outcome.SPLIT, q));
  }

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void everyPayoutSharesOutExactlyWhatIsHeld(Outcome outcome) {
    for (long fiat : new long[] {1, 999, 10_000, 54_321, 100_000}) {
      PriceQuote q =
          DEFAULTS.price(
              new FiatAmount(fiat, Currency.getInstance("KRW"))
                  .toSats(new BigDecimal("143210987.5")));
      for (ForfeitedBondPolicy policy : ForfeitedBondPolicy.values()) {
        Payout payout = new PayoutTable(policy).payout(outcome, q);
        assertEquals(PayoutTable.held(outcome, q), payout.total(), () -> outcome + " " + q);
      }
    }
  }
}
