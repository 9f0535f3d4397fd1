package org.openpleb.ee.web.pricing;

import java.math.BigDecimal;

/**
 * A request to price an offer. {@code fiatAmount} is required, {@code btcPrice} optional (the
 * current price when absent); both are positive. {@link org.openpleb.ee.pricing.OfferPricing}
 * enforces the rules (Bean Validation annotations on record components break Payara's OpenAPI
 * generator).
 *
 * @param fiatAmount the QR code's amount in minor units of the platform currency (KRW has none)
 * @param btcPrice the bitcoin price in whole units of the platform currency; absent to quote at the
 *     server's current price
 */
public record QuoteRequest(Long fiatAmount, BigDecimal btcPrice) {}
