package org.openpleb.client.pricing;

import java.math.BigDecimal;

/**
 * A request to price an offer.
 *
 * @param fiatAmount the QR code's amount in minor units of the platform currency (required)
 * @param btcPrice the bitcoin price in whole units of the currency; {@code null} quotes at the
 *     server's current price
 */
public record QuoteRequest(Long fiatAmount, BigDecimal btcPrice) {

  /** A quote of {@code fiatAmount} at the server's current price. */
  public static QuoteRequest atCurrentPrice(long fiatAmount) {
    return new QuoteRequest(fiatAmount, null);
  }
}
