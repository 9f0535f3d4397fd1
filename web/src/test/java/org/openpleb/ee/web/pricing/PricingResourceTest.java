package org.openpleb.ee.web.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.PlatformConfig;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.pricing.BtcPrice;
import org.openpleb.ee.pricing.OfferPricing;
import org.openpleb.ee.pricing.PriceQuote;
import org.openpleb.ee.pricing.PriceService;
import org.openpleb.ee.pricing.PriceUnavailableException;

/** Which price a quote is made at: the request's, or the server's current one. */
class PricingResourceTest {

  private static final BigDecimal CURRENT = new BigDecimal("143250000.5");

  private final List<BigDecimal> pricedAt = new ArrayList<>();
  private BtcPrice current = new BtcPrice("KRW", CURRENT, Instant.EPOCH, "upbit");
  private final PricingResource resource = new PricingResource();

  @BeforeEach
  void wire() {
    resource.platform =
        new PlatformConfig() {
          @Override
          public Currency currency() {
            return Currency.getInstance("KRW");
          }
        };
    resource.pricing =
        new OfferPricing() {
          @Override
          public PriceQuote quote(long fiatMinorUnits, BigDecimal btcPrice) {
            pricedAt.add(btcPrice);
            return new PriceQuote(fiatMinorUnits, 1, 2, 3);
          }
        };
    resource.prices =
        new PriceService() {
          @Override
          public BtcPrice current() {
            if (current == null) {
              throw new PriceUnavailableException("no price", Duration.ofSeconds(30));
            }
            return current;
          }
        };
  }

  @Test
  void withoutAPriceTheQuoteIsAtTheCurrentPriceAndSaysSo() {
    QuoteResponse quote = resource.quote(new QuoteRequest(10_000L, null));

    assertEquals(List.of(CURRENT), pricedAt);
    assertEquals(CURRENT, quote.btcPrice());
    assertEquals("KRW", quote.currency());
    assertEquals(10_000L, quote.fiatAmount());
    assertEquals(10_000L + 1 + 2 + 3, quote.makerFunding());
  }

  @Test
  void aGivenPriceIsUsedAsItIsAndTheCurrentPriceIsNotAsked() {
    current = null;
    BigDecimal given = new BigDecimal("150000000");

    QuoteResponse quote = resource.quote(new QuoteRequest(10_000L, given));

    assertEquals(List.of(given), pricedAt);
    assertEquals(given, quote.btcPrice());
  }

  @Test
  void withoutAPriceAndWithoutACurrentPriceTheQuoteIsUnavailable() {
    current = null;

    DomainException refused =
        assertThrows(DomainException.class, () -> resource.quote(new QuoteRequest(10_000L, null)));

    assertEquals(ProblemCode.PRICE_UNAVAILABLE, refused.code());
    assertTrue(pricedAt.isEmpty());
  }

  @Test
  void theFiatAmountIsStillRequired() {
    DomainException refused =
        assertThrows(DomainException.class, () -> resource.quote(new QuoteRequest(null, CURRENT)));

    assertEquals(ProblemCode.VALIDATION_FAILED, refused.code());
    assertThrows(DomainException.class, () -> resource.quote(null));
  }
}
