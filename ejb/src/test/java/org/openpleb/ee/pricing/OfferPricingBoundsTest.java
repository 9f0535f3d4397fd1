package org.openpleb.ee.pricing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/** The unauthenticated quote bounds a price before any arithmetic (issue #11, finding 8). */
class OfferPricingBoundsTest {

  private static DomainException refused(String price) {
    return assertThrows(
        DomainException.class, () -> OfferPricing.checkPrice(new BigDecimal(price)), price);
  }

  @Test
  void tinyHugeNegativeAndZeroPricesAreValidationFailures() {
    for (String price : new String[] {"1e-30", "1e308", "-1", "0", "0.000000001"}) {
      DomainException refusal = refused(price);
      assertEquals(ProblemCode.VALIDATION_FAILED, refusal.code(), price);
      assertTrue(refusal.getMessage().startsWith("btcPrice"), refusal.getMessage());
    }
  }

  @Test
  void extremeScaleAndPrecisionAreRefusedWithoutLongArithmetic() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          refused("1e-1000000000");
          refused("1e1000000000");
          refused("1" + "0".repeat(5000));
          refused("1." + "0".repeat(5000) + "1");
        });
  }

  @Test
  void realisticPricesPass() {
    for (String price : new String[] {"150000000", "95000.12", "1.00000000", "1e6", "0.00000001"}) {
      assertDoesNotThrow(() -> OfferPricing.checkPrice(new BigDecimal(price)), price);
    }
  }

  @Test
  void aPriceTooLowForTheAmountOverflowsTheSatsWhichTheQuoteRefuses() {
    // OfferPricing.quote turns this ArithmeticException into VALIDATION_FAILED.
    FiatAmount amount = new FiatAmount(100_000, Currency.getInstance("KRW"));
    assertThrows(ArithmeticException.class, () -> amount.toSats(new BigDecimal("0.00000001")));
  }
}
