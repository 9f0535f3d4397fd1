package org.openpleb.ee.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** OpenPleb's money math (spec §5.2, §5.6) with its default fee schedule. */
class OfferPricingMathTest {

  private static final Currency KRW = Currency.getInstance("KRW");
  private static final FeeSchedule OPENPLEB_DEFAULTS =
      new FeeSchedule(
          new Fee(BigDecimal.ONE, 100),
          new Fee(BigDecimal.valueOf(2), 100),
          new Fee(BigDecimal.TEN, 500));

  @Test
  void theSpecsWorkedExampleComesOutToTheSat() {
    long sats = new FiatAmount(100_000, KRW).toSats(BigDecimal.valueOf(150_000_000));

    PriceQuote quote = OPENPLEB_DEFAULTS.price(sats);

    assertEquals(66_667, quote.sats());
    assertEquals(767, quote.platformFee());
    assertEquals(1_434, quote.takerFee());
    assertEquals(7_167, quote.bond());
    assertEquals(76_035, quote.makerFunding());
    assertEquals(7_167, quote.takerBond());
  }

  @Test
  void percentagePartsRoundUpToAWholeSat() {
    Fee fee = new Fee(new BigDecimal("2.5"), 0);

    assertEquals(3, fee.percentagePart(101)); // 2.525 -> 3
    assertEquals(25, fee.percentagePart(1_000)); // exact, no rounding
    assertEquals(0, fee.percentagePart(0));
  }

  @Test
  void minorUnitsAreScaledByTheCurrencysFractionDigits() {
    Currency eur = Currency.getInstance("EUR");

    // 10.00 EUR at 50 000 EUR/BTC = 0.0002 BTC = 20 000 sats
    assertEquals(20_000, new FiatAmount(1_000, eur).toSats(BigDecimal.valueOf(50_000)));
    // 0.01 EUR at 30 000 EUR/BTC = 33.33… sats, rounded up
    assertEquals(34, new FiatAmount(1, eur).toSats(BigDecimal.valueOf(30_000)));
  }

  @Test
  void aFractionalBitcoinPriceIsHonouredExactly() {
    // 1 KRW at 3 KRW/BTC = 33 333 333.33… sats
    assertEquals(33_333_334, new FiatAmount(1, KRW).toSats(new BigDecimal("3")));
    assertEquals(66_667, new FiatAmount(100_000, KRW).toSats(new BigDecimal("150000000.0")));
  }

  @Test
  void theMaximumIsInclusiveAndInWholeUnits() {
    assertFalse(new FiatAmount(100_000, KRW).exceeds(100_000));
    assertTrue(new FiatAmount(100_001, KRW).exceeds(100_000));
    Currency eur = Currency.getInstance("EUR");
    assertFalse(new FiatAmount(10_000, eur).exceeds(100)); // 100.00 EUR
    assertTrue(new FiatAmount(10_001, eur).exceeds(100)); // 100.01 EUR
  }

  @Test
  void impossibleChargesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Fee(new BigDecimal("-0.1"), 0));
    assertThrows(IllegalArgumentException.class, () -> new Fee(new BigDecimal("100.01"), 0));
    assertThrows(IllegalArgumentException.class, () -> new Fee(BigDecimal.ONE, -1));
    assertThrows(IllegalArgumentException.class, () -> OPENPLEB_DEFAULTS.price(0));
    assertThrows(IllegalArgumentException.class, () -> new FiatAmount(0, KRW));
    assertThrows(
        IllegalArgumentException.class, () -> new FiatAmount(1, KRW).toSats(BigDecimal.ZERO));
  }
}
